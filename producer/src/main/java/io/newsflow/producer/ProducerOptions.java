package io.newsflow.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a producer run behaves beyond where it sends: following directories, polling feeds, backing off,
 * capping rate and item size, and where it remembers what it sent.
 *
 * @param follow keep scanning file and directory inputs, sending new and grown files as they appear
 * @param once poll each feed once (and read stdin and files once), then stop, even with feeds
 * @param pollInterval time between two polls of a feed that answered
 * @param scanInterval time between two scans of followed inputs
 * @param retryInitial wait before the first retry of a feed that failed; doubled at each further failure
 * @param retryMax the longest wait between retries
 * @param rate records per second at most, over all sources; 0 for no cap
 * @param maxItemBytes an item larger than this (its text, UTF-8) is reported and not sent
 * @param stateFile where the ids sent and the read positions are kept; null keeps them in memory only
 * @param httpTimeout connect and response timeout of a feed request
 * @param maxFeedBytes a feed response larger than this is refused
 */
public record ProducerOptions(
    boolean follow, boolean once, Duration pollInterval, Duration scanInterval, Duration retryInitial,
    Duration retryMax, double rate, int maxItemBytes, Path stateFile, Duration httpTimeout, long maxFeedBytes) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_ITEM_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_FEED_BYTES = 16L * 1024 * 1024;

  public ProducerOptions {
    requirePositive(pollInterval, "pollInterval");
    requirePositive(scanInterval, "scanInterval");
    requirePositive(retryInitial, "retryInitial");
    requirePositive(retryMax, "retryMax");
    requirePositive(httpTimeout, "httpTimeout");
    if (rate < 0 || Double.isNaN(rate)) {
      throw new IllegalArgumentException("rate must be 0 (no cap) or positive, was " + rate);
    }
    if (maxItemBytes <= 0 || maxFeedBytes <= 0) {
      throw new IllegalArgumentException("maxItemBytes and maxFeedBytes must be positive");
    }
  }

  /** Read once, no cap on rate, 1 MB items, state in memory. */
  public static ProducerOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Builds options from the defaults, as the command line reads its flags. */
  public static final class Builder {
    private boolean follow;
    private boolean once;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration scanInterval = DEFAULT_SCAN_INTERVAL;
    private Duration retryInitial = DEFAULT_RETRY_INITIAL;
    private Duration retryMax = DEFAULT_RETRY_MAX;
    private double rate;
    private int maxItemBytes = DEFAULT_MAX_ITEM_BYTES;
    private Path stateFile;
    private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;
    private long maxFeedBytes = DEFAULT_MAX_FEED_BYTES;

    private Builder() {}

    public Builder follow(boolean value) {
      follow = value;
      return this;
    }

    public Builder once(boolean value) {
      once = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      pollInterval = value;
      return this;
    }

    public Builder scanInterval(Duration value) {
      scanInterval = value;
      return this;
    }

    public Builder retry(Duration initial, Duration max) {
      retryInitial = initial;
      retryMax = max;
      return this;
    }

    public Builder rate(double value) {
      rate = value;
      return this;
    }

    public Builder maxItemBytes(int value) {
      maxItemBytes = value;
      return this;
    }

    public Builder stateFile(Path value) {
      stateFile = value;
      return this;
    }

    public Builder httpTimeout(Duration value) {
      httpTimeout = value;
      return this;
    }

    public Builder maxFeedBytes(long value) {
      maxFeedBytes = value;
      return this;
    }

    public ProducerOptions build() {
      return new ProducerOptions(follow, once, pollInterval, scanInterval, retryInitial, retryMax, rate,
          maxItemBytes, stateFile, httpTimeout, maxFeedBytes);
    }
  }
}
