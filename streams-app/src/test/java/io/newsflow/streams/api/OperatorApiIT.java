package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.RawArticle;
import io.newsflow.localstack.LocalStack;
import io.newsflow.streams.topics.TopicNames;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API on a real broker and registry with two instances of the app (same application id, their own
 * state and HTTP port) sharing four partitions: each instance answers for articles held by the other, and
 * store-wide reads gather both instances' parts. Both require the same bearer token, so every forwarded request
 * shows that peers pass it on (a peer that refused it would turn the answer into a 502).
 */
class OperatorApiIT {

  private static final String APPLICATION_ID = "newsflow-api-it";
  private static final Map<String, String> AUTH = Map.of(ApiConfig.AUTH_TOKEN, "api-it-token");
  private static final Instant WINDOW = Instant.parse("2025-02-24T08:00:00Z");
  private static final String DEEPSEEK = "딥시크";
  private static final List<String> BODIES = ApiTopics.DEEPSEEK_BODIES;

  private static LocalStack stack;
  private static ApiInstance first;
  private static ApiInstance second;
  private static Map<String, RawArticle> articles;

  @TempDir
  static Path stateDirs;

  @BeforeAll
  static void startTwoInstancesAndProduce() {
    stack = LocalStack.start(LocalStack.Config.forTests());
    ApiTopics.create(stack.bootstrapServers(), 4);
    first = ApiInstance.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), APPLICATION_ID,
        stateDirs.resolve("first"), AUTH);
    // The second one with the lag check off, as a deployment whose load balancer must keep it during a backlog.
    Map<String, String> noLagCheck = new HashMap<>(AUTH);
    noLagCheck.put(ApiConfig.READY_MAX_LAG, "-1");
    second = ApiInstance.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), APPLICATION_ID,
        stateDirs.resolve("second"), noLagCheck);
    // Both must own part of the articles store before data flows, so that each holds keys of its own.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        first.streams.state() == KafkaStreams.State.RUNNING && second.streams.state() == KafkaStreams.State.RUNNING
            && holdersOfArticles().size() == 2);

    articles = ApiTopics.series("it-article-%02d", "https://news.example.kr/it/", BODIES, WINDOW,
        Duration.ofMinutes(2));
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.RAW, articles);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> first.json("/api/stats").path("unique").asLong() == BODIES.size());

    // Sent once the originals are in, so the verdicts cannot depend on partition order.
    RawArticle copy = ApiTopics.json("it-article-00-newsletter", "https://news.example.kr/it/it-article-00"
        + "?utm_source=newsletter", "[뉴스레터] 딥시크 소식", "뉴스레터 판: " + BODIES.get(0), WINDOW.plusSeconds(90));
    RawArticle unreadable = RawArticle.newBuilder(copy).setId("it-pdf").setContentType("application/pdf")
        .setUrl("https://news.example.kr/it/report.pdf").build();
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.RAW,
        Map.of(copy.getId(), copy, unreadable.getId(), unreadable));
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, stack}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void eachInstanceAnswersForArticlesTheOtherHolds() {
    for (ApiInstance owner : List.of(first, second)) {
      String id = articles.keySet().stream()
          .filter(candidate -> owner.ownerOfArticle(candidate).equals(owner.hostInfo()))
          .findFirst().orElseThrow(() -> new AssertionError("no article held by " + owner.hostInfo()));
      RawArticle sent = articles.get(id);
      for (ApiInstance asked : List.of(first, second)) {
        HttpResponse<String> response = asked.get("/api/articles/" + id);

        assertThat(response.statusCode()).as("%s asked for %s", asked.hostInfo(), id).isEqualTo(200);
        assertThat(response.headers().firstValue(Endpoints.INSTANCE_HEADER))
            .contains("127.0.0.1:" + owner.config.port());
        JsonNode article = ApiInstance.parse(response.body());
        assertThat(article.path("id").asText()).isEqualTo(id);
        assertThat(article.path("title").asText()).isEqualTo(sent.getTitle());
        assertThat(article.path("url").asText()).isEqualTo(sent.getUrl());
        assertThat(article.path("publishedAt").asText()).isEqualTo(sent.getPublishedAt().toString());
        assertThat(article.path("publisher").asText()).isEqualTo("예시일보");
        assertThat(texts(article.path("keywords"))).contains(DEEPSEEK);
      }
      assertThat(first.get("/api/articles/" + id).body()).isEqualTo(second.get("/api/articles/" + id).body());
    }
  }

  @Test
  void withoutTheTokenEveryInstanceRefusesTheApiAndStillAnswersProbes() {
    String id = articles.keySet().iterator().next();
    for (ApiInstance asked : List.of(first, second)) {
      for (String authorization : new String[] {null, "Bearer api-it-token-wrong", "Basic YXBpLWl0LXRva2Vu"}) {
        HttpResponse<String> refused = asked.get("/api/articles/" + id, authorization);

        assertThat(refused.statusCode()).as("%s with %s", asked.hostInfo(), authorization).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"newsflow\"");
        assertThat(ApiInstance.parse(refused.body()).path("status").asInt()).isEqualTo(401);
        assertThat(asked.get("/internal/articles/" + id, authorization).statusCode()).isEqualTo(401);
        assertThat(asked.get("/metrics", authorization).statusCode()).isEqualTo(401);
      }
      assertThat(asked.get("/health", null).statusCode()).isEqualTo(200);
      assertThat(asked.get("/ready", null).statusCode()).isIn(200, 503);
    }
  }

  @Test
  void unknownArticleIsNotFoundOnEveryInstance() {
    for (ApiInstance asked : List.of(first, second)) {
      HttpResponse<String> response = asked.get("/api/articles/no-such-article");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(ApiInstance.parse(response.body()).path("error").asText())
          .isEqualTo("no article with id no-such-article");
    }
  }

  @Test
  void latestTrendsAreTheSameFromBothInstancesAndCountEveryArticleOfTheKeyword() {
    long mentioning = articles.keySet().stream()
        .filter(id -> texts(first.json("/api/articles/" + id).path("keywords")).contains(DEEPSEEK))
        .count();
    assertThat(mentioning).isGreaterThanOrEqualTo(10);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> countOf(first.json("/api/trends"), DEEPSEEK) == mentioning);
    JsonNode trends = first.json("/api/trends?window=PT1H");

    assertThat(trends.path("window").asText()).isEqualTo("PT1H");
    assertThat(trends.path("windowStart").asText()).isEqualTo("2025-02-24T08:00:00Z");
    assertThat(trends.path("windowEnd").asText()).isEqualTo("2025-02-24T09:00:00Z");
    assertThat(trends.path("final").asBoolean()).isFalse();
    assertThat(trends.path("entries").get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(trends.path("entries").get(0).has("expected")).isTrue();
    assertThat(trends.path("entries").get(0).path("expected").isNumber()).isTrue();
    assertThat(trends.path("entries").get(0).path("score").isNumber()).isTrue();
    assertThat(second.json("/api/trends")).isEqualTo(trends);

    JsonNode keyword = second.json("/api/keywords/" + URLEncoder.encode(DEEPSEEK, StandardCharsets.UTF_8));
    assertThat(keyword.path("keyword").asText()).isEqualTo(DEEPSEEK);
    assertThat(keyword.path("windows")).hasSize(1);
    assertThat(keyword.path("windows").get(0).path("windowStart").asText()).isEqualTo("2025-02-24T08:00:00Z");
    assertThat(keyword.path("windows").get(0).path("count").asLong()).isEqualTo(mentioning);
    assertThat(first.json("/api/keywords/" + URLEncoder.encode(DEEPSEEK, StandardCharsets.UTF_8)))
        .isEqualTo(keyword);

    JsonNode history = first.json("/api/trends/history?window=PT1H&from=2025-02-24T00:00:00Z"
        + "&to=2025-02-25T00:00:00Z");
    assertThat(history.path("snapshots")).hasSize(1);
    assertThat(history.path("snapshots").get(0)).isEqualTo(trends);
    assertThat(second.json("/api/trends/history?from=2025-02-24T09:00:00Z").path("snapshots")).isEmpty();
  }

  @Test
  void statsAddUpBothInstancesOutcomes() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> first.json("/api/stats").path("articlesIn").asLong() == BODIES.size() + 2
            && first.json("/api/stats").path("consumerLag").path("total").asLong() == 0);

    for (ApiInstance asked : List.of(first, second)) {
      JsonNode stats = asked.json("/api/stats");
      assertThat(stats.path("articlesIn").asLong()).isEqualTo(BODIES.size() + 2);
      assertThat(stats.path("unique").asLong()).isEqualTo(BODIES.size());
      assertThat(stats.path("duplicates").path("total").asLong()).isEqualTo(1);
      assertThat(stats.path("duplicates").path("by").path("EXACT_URL").asLong()).isEqualTo(1);
      assertThat(stats.path("deadLetters").path("total").asLong()).isEqualTo(1);
      assertThat(stats.path("deadLetters").path("by").path("normalize").asLong()).isEqualTo(1);
      assertThat(stats.path("consumerLag").path("byTopic").path(TopicNames.RAW).asLong()).isZero();
      assertThat(texts(stats.path("instances"))).containsExactlyInAnyOrder(
          "127.0.0.1:" + first.config.port(), "127.0.0.1:" + second.config.port());
    }
  }

  @Test
  void recentArticlesGatherBothInstancesNewestFirst() {
    JsonNode recent = first.json("/api/articles?limit=5");

    assertThat(recent.path("articles")).hasSize(5);
    List<String> indexedAt = StreamSupport.stream(recent.path("articles").spliterator(), false)
        .map(a -> a.path("indexedAt").asText()).toList();
    assertThat(indexedAt).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(second.json("/api/articles?limit=100").path("articles")).hasSize(BODIES.size());
    assertThat(second.json("/api/articles?limit=100").path("articles").findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(articles.keySet());
  }

  @Test
  void badParametersAreBadRequestsWithAMessage() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/api/trends?window=1h", "window=1h is not an ISO-8601 duration such as PT1H");
    expected.put("/api/trends?window=PT5M", "window=PT5M is not computed; available: PT1H");
    expected.put("/api/trends/history?from=yesterday",
        "from=yesterday is not an ISO-8601 instant such as 2025-02-24T08:00:00Z");
    expected.put("/api/trends/history?from=2025-02-25T00:00:00Z&to=2025-02-24T00:00:00Z",
        "from=2025-02-25T00:00:00Z is after to=2025-02-24T00:00:00Z");
    expected.put("/api/trends/history?limit=0", "limit=0 must be between 1 and 1000");
    expected.put("/api/keywords/AI?window=P1D", "window=P1D is not computed; available: PT1H");
    expected.put("/api/articles?limit=many", "limit=many is not a whole number");

    expected.forEach((path, message) -> {
      HttpResponse<String> response = second.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      JsonNode error = ApiInstance.parse(response.body());
      assertThat(error.path("status").asInt()).isEqualTo(400);
      assertThat(error.path("error").asText()).as(path).isEqualTo(message);
    });
  }

  @Test
  void whateverAClientSendsIsAnswered4xxAndTheServerKeepsServing() throws Exception {
    Random random = new Random(3);
    List<String> paths = new ArrayList<>(List.of("/api/trends?window=" + "P".repeat(5000),
        "/api/trends/history?limit=99999999999999999999", "/api/trends/history?limit=-1",
        "/api/articles?limit=-5", "/api/articles/" + "x".repeat(8000), "/api/keywords/%00?window=PT1H",
"/api/nothing-here",
        "/api/trends/history?from=9999999-01-01T00:00:00Z"));
    for (int i = 0; i < 40; i++) {
      StringBuilder junk = new StringBuilder("/api/trends?window=");
      for (int c = 0; c < 1 + random.nextInt(60); c++) {
        junk.append(String.format("%%%02X", random.nextInt(256)));
      }
      paths.add(junk.toString());
    }
    for (String path : paths) {
      assertThat(second.get(path).statusCode()).as(path).isBetween(400, 499);
    }
    HttpResponse<String> post = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(second.get("/health").uri().toString()
            .replace("/health", "/api/trends")))
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(3 * 1024 * 1024))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isBetween(400, 499);
    assertThat(second.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsExposeKafkaStreamsAndStageCounters() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> metric(first, "newsflow_articles_unique_total") + metric(second, "newsflow_articles_unique_total")
            == BODIES.size());
    HttpResponse<String> response = first.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).containsPattern("(?m)^kafka_stream_\\w+")
        .contains("newsflow_articles_unique_total")
        .contains("jvm_memory_used_bytes");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> metric(first, "newsflow_articles_duplicates_total{kind=\"EXACT_URL\"}")
            + metric(second, "newsflow_articles_duplicates_total{kind=\"EXACT_URL\"}") == 1
            && metric(first, "newsflow_dead_letters_total{stage=\"normalize\"}")
            + metric(second, "newsflow_dead_letters_total{stage=\"normalize\"}") == 1);
  }

  @Test
  void metricsExposeProcessHttpStreamsStateAndConsumerLag() {
    first.json("/api/articles/it-article-01");
    assertThat(first.get("/api/articles/no-such-article").statusCode()).isEqualTo(404);
    assertThat(first.get("/no/such/route").statusCode()).isEqualTo(404);

    String body = first.get("/metrics").body();

    assertThat(value(body, "newsflow_streams_state{state=\"RUNNING\"}")).isEqualTo(1.0);
    assertThat(value(body, "newsflow_streams_state{state=\"ERROR\"}")).isEqualTo(0.0);
    // By route template: the two article ids are one series, never a series per id.
    assertThat(value(body, "http_server_requests_seconds_count{method=\"GET\",status=\"200\","
        + "uri=\"/api/articles/{id}\"}")).isGreaterThanOrEqualTo(1.0);
    assertThat(value(body, "http_server_requests_seconds_count{method=\"GET\",status=\"404\","
        + "uri=\"/api/articles/{id}\"}")).isGreaterThanOrEqualTo(1.0);
    assertThat(value(body, "http_server_requests_seconds_count{method=\"GET\",status=\"404\","
        + "uri=\"NOT_FOUND\"}")).isGreaterThanOrEqualTo(1.0);
    assertThat(body).doesNotContain("no-such-article").doesNotContain("/no/such/route")
        .contains("http_server_requests_seconds_bucket{method=\"GET\",status=\"200\",uri=\"/api/articles/{id}\","
            + "le=\"0.1\"}");
    // Every article was read: the raw topic's lag is a number, and no topic's is negative.
    assertThat(value(body, "newsflow_consumer_lag_records{topic=\"news.raw\"}")).isBetween(0.0, 1e6);
    assertThat(value(body, "newsflow_consumer_lag_all_topics_records"))
        .isGreaterThanOrEqualTo(value(body, "newsflow_consumer_lag_records{topic=\"news.raw\"}"));
    // The heap in all: G1 reports a pool's use between collections loosely (Eden reads 0 right after one).
    assertThat(body.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\","))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum()).isPositive();
    assertThat(value(body, "jvm_classes_loaded_classes")).isGreaterThan(1000.0);
    assertThat(value(body, "jvm_threads_live_threads")).isGreaterThan(10.0);
    assertThat(value(body, "process_uptime_seconds")).isPositive();
    assertThat(value(body, "process_files_open_files")).isGreaterThan(10.0);
    assertThat(value(body, "system_cpu_count")).isPositive();
    assertThat(body).containsPattern("(?m)^kafka_stream_alive_stream_threads\\{");
  }

  @Test
  void metricsCountGcPauses() {
    // Micrometer creates the pause timer at the first collection it is told of, and a JVM with a large young
    // generation may not have had one yet (a CI run had not): collect once, then the series must appear.
    System.gc();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> first.get("/metrics").body().lines()
            .anyMatch(line -> line.startsWith("jvm_gc_pause_seconds_count{") && !line.endsWith(" 0.0")));
  }

  @Test
  void bothInstancesBecomeReadyAndAreAlive() {
    for (ApiInstance instance : List.of(first, second)) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> instance.get("/ready").statusCode() == 200);
      JsonNode ready = instance.json("/ready");
      assertThat(ready.path("status").asText()).isEqualTo("ready");
      assertThat(ready.path("state").asText()).isEqualTo("RUNNING");
      JsonNode health = instance.json("/health");
      assertThat(health.path("status").asText()).isEqualTo("up");
    }
    assertThat(first.json("/ready").path("reason").asText()).isEqualTo("running and caught up");
    assertThat(second.json("/ready").path("reason").asText()).isEqualTo("running (no lag check)");
  }

  /** The hosts that hold at least one partition of the articles store. */
  private static Set<String> holdersOfArticles() {
    return first.streams.streamsMetadataForStore(OperatorApi.ARTICLES_STORE).stream()
        .filter(m -> m.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(TopicNames.ARTICLES)))
        .map(StreamsMetadata::hostInfo)
        .map(h -> h.host() + ":" + h.port())
        .collect(Collectors.toSet());
  }

  private static long countOf(JsonNode snapshot, String keyword) {
    for (JsonNode entry : snapshot.path("entries")) {
      if (entry.path("keyword").asText().equals(keyword)) {
        return entry.path("count").asLong();
      }
    }
    return -1;
  }

  /** The value of one sample line of an instance's /metrics, 0 when absent. */
  private static long metric(ApiInstance instance, String sample) {
    for (String line : instance.get("/metrics").body().split("\n")) {
      if (line.startsWith(sample + " ")) {
        return (long) Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    return 0;
  }

  /** The value of the sample {@code sample} (name and labels as printed) in a scrape; fails when it is absent. */
  private static double value(String scrape, String sample) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    throw new AssertionError("no sample " + sample + " in /metrics");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
