package io.newsflow.producer;

import io.newsflow.producer.publish.PublishException;
import io.newsflow.producer.source.FeedDocuments;
import io.newsflow.producer.state.FeedMark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one RSS or Atom feed with conditional GET: the validators of the last response whose entries were
 * all sent go out as {@code If-None-Match} / {@code If-Modified-Since}, so an unchanged feed costs a 304.
 * A feed that cannot be fetched or parsed is retried with exponential backoff on the run's scheduler,
 * without holding up any other source.
 */
final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

  private final LiveRun run;
  private final URI url;
  private final String source;
  private final HttpClient client;
  private final FeedDocuments documents;
  private final Backoff backoff;
  private int failuresInARow;

  FeedPoller(LiveRun run, URI url, HttpClient client, FeedDocuments documents) {
    this.run = run;
    this.url = url;
    this.source = url.toString();
    this.client = client;
    this.documents = documents;
    this.backoff = new Backoff(run.options().retryInitial(), run.options().retryMax());
  }

  /** Polls, then schedules the next poll: after the poll interval, or after a backoff when it failed. */
  void pollAndReschedule() {
    if (run.stopping()) {
      return;
    }
    String failure;
    try {
      failure = poll();
    } catch (PublishException e) {
      throw e;
    } catch (RuntimeException e) {
      // Whatever a feed does, it is polled again: one bad response must not silence it for the run.
      failure = failed("unexpected: " + e);
    }
    if (run.options().once()) {
      if (failure != null) {
        LOG.warn("event=feed_failed url={} reason=\"{}\" retry_in=never (once)", source, failure);
      }
      return;
    }
    Duration next = run.options().pollInterval();
    if (failure != null) {
      failuresInARow++;
      next = backoff.delay(failuresInARow);
      LOG.warn("event=feed_failed url={} reason=\"{}\" failures_in_a_row={} retry_in={}", source, failure,
          failuresInARow, next);
    } else {
      failuresInARow = 0;
    }
    run.schedule(this::pollAndReschedule, next);
  }

  /** @return null when the poll went through, else why it did not (already counted as a failure) */
  String poll() {
    run.stats().feedPolls.incrementAndGet();
    FeedMark mark = run.state().feed(source);
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(run.options().httpTimeout())
        .header("Accept", ACCEPT)
        .header("User-Agent", "newsflow-producer/0.1");
    if (mark.etag() != null) {
      request.header("If-None-Match", mark.etag());
    }
    if (mark.lastModified() != null) {
      request.header("If-Modified-Since", mark.lastModified());
    }
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 304) {
          run.stats().notModified.incrementAndGet();
          LOG.info("event=feed_not_modified url={}", source);
          run.meters().succeeded(source);
          return null;
        }
        if (response.statusCode() / 100 != 2) {
          return failed("HTTP " + response.statusCode());
        }
        body = readAtMost(in, run.options().maxFeedBytes());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (IOException e) {
      return failed("unreachable: " + describe(e));
    }
    if (body == null) {
      return failed("response larger than " + run.options().maxFeedBytes() + " bytes");
    }
    SendUnit unit = new SendUnit(run, source);
    String notRead = documents.read(body, response.headers().firstValue("Content-Type").orElse(null), source, unit);
    if (notRead != null) {
      return failed(notRead);
    }
    long sentBefore = run.stats().sent.get();
    if (unit.commit()) {
      run.meters().succeeded(source);
      // Only now may the feed answer 304: every entry of this response is sent or failed for good.
      run.state().putFeed(source, new FeedMark(response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null)));
      run.state().save();
    }
    LOG.info("event=feed_polled url={} status={} sent={}", source, response.statusCode(),
        run.stats().sent.get() - sentBefore);
    return null;
  }

  private String failed(String reason) {
    run.stats().fail(new Failure(source, reason));
    run.meters().failed(source);
    return reason;
  }

  /** The body, or null when it is longer than {@code limit}. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    if (message == null && e instanceof ConnectException) {
      // The HTTP client says no more than the exception's name when nothing listens on the port.
      message = "connection refused";
    }
    return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
  }
}
