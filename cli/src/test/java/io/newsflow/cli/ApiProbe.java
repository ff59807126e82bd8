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

  /** One answer: when, from which instance, the HTTP status (0: no answer, the instance is down). */
  record Answer(Instant at, String instance, int status) {
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
        answers.add(new Answer(Instant.now(), instance, status(instance + "/api/articles/" + id)));
      }
    }, 0, 250, TimeUnit.MILLISECONDS);
  }

  private int status(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
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
