package io.newsflow.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Asks every instance of the app for one article after another ({@code /api/articles/{id}}, answered by whichever
 * instance holds the id, forwarded there when it is not the one asked) four times a second, and records every
 * answer's status, so that a test can say which answers were errors and when.
 */
final class ApiProbe implements AutoCloseable {

  /**
   * One answer: when it was asked, from which instance, the HTTP status (0: no answer, the instance is down) and,
   * for an error, the start of its body (the API names the peer and what went wrong).
   */
  record Answer(Instant at, String instance, int status, String error) {

    /**
     * A 502 because the instance that holds the article did not answer within the API's peer timeout: what a peer
     * starved of CPU (three brokers and two apps on two cores) does, unlike a request sent to the wrong instance.
     */
    boolean peerTimedOut() {
      return status == 502 && error.contains("did not answer") && error.contains("HttpTimeoutException");
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  /**
   * @param instances the instances' base URLs, read again before each round (a restarted instance has a new port)
   * @param ids the article ids to ask for in turn
   */
  ApiProbe(Supplier<List<String>> instances, List<String> ids) {
    timer.scheduleWithFixedDelay(() -> {
      String id = ids.get(Math.floorMod(next.getAndIncrement(), ids.size()));
      for (String instance : instances.get()) {
        Instant at = Instant.now();
        HttpResponse<String> answer = get(instance + "/api/articles/" + id);
        int status = answer == null ? 0 : answer.statusCode();
        String error = status >= 500 ? answer.body().substring(0, Math.min(400, answer.body().length())) : "";
        answers.add(new Answer(at, instance, status, error));
      }
    }, 0, 250, TimeUnit.MILLISECONDS);
  }

  /** The answer, or null when the instance did not answer. */
  private HttpResponse<String> get(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(10, TimeUnit.SECONDS);
  }
}
