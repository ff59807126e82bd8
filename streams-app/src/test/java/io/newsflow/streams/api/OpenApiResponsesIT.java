package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.localstack.LocalStack;
import io.newsflow.streams.topics.TopicNames;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of openapi.yaml asked on an instance serving real data (a broker, the registry, articles with a
 * duplicate and a dead letter among them), each answer validated against the document: what a client generated
 * from the document receives, including the errors it must handle.
 */
class OpenApiResponsesIT {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final Instant WINDOW = Instant.parse("2025-02-24T08:00:00Z");
  private static final String KEYWORD = "딥시크";
  private static final List<String> BODIES = ApiTopics.DEEPSEEK_BODIES.subList(0, 4);

  @TempDir
  static Path stateDir;

  private static LocalStack stack;
  private static ApiInstance instance;
  private static String articleId;

  @BeforeAll
  static void startAndProduce() {
    stack = LocalStack.start(LocalStack.Config.forTests());
    ApiTopics.create(stack.bootstrapServers(), 2);
    instance = ApiInstance.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), "newsflow-openapi-it",
        stateDir, Map.of(ApiConfig.AUTH_TOKEN, "openapi-it-token"));
    await("streams RUNNING").atMost(Duration.ofSeconds(60))
        .until(() -> instance.streams.state() == KafkaStreams.State.RUNNING);

    Map<String, RawArticle> articles = ApiTopics.series("openapi-%d", "https://news.example.kr/openapi/", BODIES,
        WINDOW, Duration.ofMinutes(5));
    articleId = articles.keySet().iterator().next();
    RawArticle copy = RawArticle.newBuilder(articles.get(articleId)).setId("openapi-copy").build();
    RawArticle unreadable = RawArticle.newBuilder(copy).setId("openapi-pdf").setContentType("application/pdf")
        .setUrl("https://news.example.kr/openapi/report.pdf").build();
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.RAW, articles);
    // The copy goes once the originals are in, so that the original is the one indexed.
    await("the originals indexed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> instance.json("/api/stats").path("unique").asLong() == BODIES.size());
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.RAW,
        Map.of(copy.getId(), copy, unreadable.getId(), unreadable));
    await("every article counted and the keyword trending").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250)).until(() -> {
          var stats = instance.json("/api/stats");
          return stats.path("articlesIn").asLong() == BODIES.size() + 2
              && stats.path("deadLetters").path("total").asLong() == 1
              && instance.json("/api/trends").path("entries").findValuesAsText("keyword").contains(KEYWORD);
        });
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {instance, stack}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  void everyRouteAnswersAsDocumentedOverRealData() {
    String keyword = "/api/keywords/" + URLEncoder.encode(KEYWORD, StandardCharsets.UTF_8);
    List<String> violations = new ArrayList<>();
    violations.addAll(check("/health", "/health", 200));
    violations.addAll(check("/ready", "/ready", 200, 503));
    violations.addAll(check("/metrics", "/metrics", 200));
    violations.addAll(check("/openapi.yaml", "/openapi.yaml", 200));
    violations.addAll(check("/", "/", 200));
    violations.addAll(check("/api/windows", "/api/windows", 200));
    violations.addAll(check("/api/trends", "/api/trends?window=PT1H", 200));
    violations.addAll(check("/api/trends/history", "/api/trends/history?from=2025-02-24T00:00:00Z&limit=5", 200));
    violations.addAll(check("/api/keywords/{keyword}", keyword, 200));
    violations.addAll(check("/api/articles", "/api/articles?limit=3", 200));
    violations.addAll(check("/api/articles/{id}", "/api/articles/" + articleId, 200));
    violations.addAll(check("/api/stats", "/api/stats", 200));
    violations.addAll(check("/internal/articles", "/internal/articles", 200));
    violations.addAll(check("/internal/articles/{id}", "/internal/articles/" + articleId, 200));
    violations.addAll(check("/internal/snapshots", "/internal/snapshots?window=PT1H", 200));
    violations.addAll(check("/internal/stats", "/internal/stats", 200));

    assertThat(violations).isEmpty();
  }

  @Test
  void errorsAnswerAsDocumented() {
    List<String> violations = new ArrayList<>();
    violations.addAll(check("/api/trends", "/api/trends?window=PT5H", 400));
    violations.addAll(check("/api/trends/history", "/api/trends/history?from=2025-02-25T00:00:00Z"
        + "&to=2025-02-24T00:00:00Z", 400));
    violations.addAll(check("/api/keywords/{keyword}", "/api/keywords/x?limit=1001", 400));
    violations.addAll(check("/api/articles", "/api/articles?limit=0", 400));
    violations.addAll(check("/api/articles/{id}", "/api/articles/no-such-article", 404));
    violations.addAll(check("/internal/articles/{id}", "/internal/articles/" + articleId + "?partition=x", 400));
    violations.addAll(check("/internal/articles/{id}", "/internal/articles/no-such-article", 404));
    HttpResponse<String> refused = instance.get("/api/stats", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    violations.addAll(CONTRACT.violations("GET", "/api/stats", refused));

    assertThat(violations).isEmpty();
  }

  /** The violations of GET {@code pathAndQuery} (documented as {@code template}), answered with one of {@code statuses}. */
  private static List<String> check(String template, String pathAndQuery, Integer... statuses) {
    HttpResponse<String> response = instance.get(pathAndQuery);
    assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isIn((Object[]) statuses);
    return CONTRACT.violations("GET", template, response);
  }
}
