package io.newsflow.streams.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every request the API answers, by method, route template and status, as Javalin's request logger reports
 * it. The template ({@code /api/articles/{id}}), never the raw path, so that a scan of ids cannot grow the series
 * without bound; requests no route matched count as {@code NOT_FOUND}, the dashboard's files as {@code STATIC}.
 */
final class HttpServerMeters {

  static final String REQUESTS = "http.server.requests";
  static final String NOT_FOUND = "NOT_FOUND";
  static final String STATIC = "STATIC";
  /** Buckets for latency quantiles in Grafana: a handful per series, from a store read to a slow fan-out. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
      Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;

  HttpServerMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** For {@code cfg.requestLogger.http}: Javalin calls it once per request, after the response is written. */
  void record(Context ctx, Float executionMillis) {
    int status = ctx.statusCode();
    Timer.builder(REQUESTS).description("HTTP requests the operator API answered")
        .tag("method", ctx.method().name())
        .tag("uri", route(ctx, status))
        .tag("status", String.valueOf(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx, int status) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return status == 404 ? NOT_FOUND : STATIC;
  }
}
