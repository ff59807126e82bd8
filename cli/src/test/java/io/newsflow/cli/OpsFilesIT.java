package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.localstack.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce --follow --http-port} and {@code stream} as an operator runs them (child processes from the
 * packaged jar) on a real broker: the producer's /metrics count what it sent per source and /health answers; then
 * every metric name that ops/grafana/newsflow.json and ops/prometheus/alerts.yml use must be in those two real
 * scrapes, so that the dashboard and the alerts cannot drift from the code.
 */
class OpsFilesIT {

  private static final Path OPS = Path.of("..", "ops");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** Series Prometheus makes itself, not the targets. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");
  private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "offset");

  @TempDir
  Path dir;

  @Test
  void producerServesItsCountsAndEveryMetricTheOpsFilesUseIsScraped() throws Exception {
    assertThat(StreamProcess.JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
    try (LocalStack stack = LocalStack.start(LocalStack.Config.forTests())) {
      StreamProcess app = new StreamProcess(dir.resolve("app"), stack.bootstrapServers(), stack.schemaRegistryUrl(),
          Map.of("newsflow.trends.emit-interval", "PT0.2S", "newsflow.trends.grace", "P1D")).start();
      Process produce = null;
      try {
        String api = app.apiUrl();
        Path followed = Files.createDirectories(dir.resolve("followed"));
        // Two articles, a copy of the first under a tracking URL (a duplicate), one without a title (a dead letter).
        Files.writeString(followed.resolve("ops.jsonl"), String.join("\n",
            line("ops-1", "https://news.example.kr/ops/1", "\"title\":\"반도체 수출 회복\",",
                "반도체 수출이 석 달 만에 회복세로 돌아섰다. 업계는 하반기 수요를 낙관한다."),
            line("ops-2", "https://news.example.kr/ops/2", "\"title\":\"전기차 보조금 개편\",",
                "정부가 전기차 보조금 기준을 바꾼다. 반도체 공급 사정도 변수로 꼽힌다."),
            line("ops-1-copy", "https://news.example.kr/ops/1?utm_source=newsletter",
                "\"title\":\"[뉴스레터] 반도체 수출 회복\",", "뉴스레터 판: 반도체 수출이 석 달 만에 회복세로 돌아섰다."),
            line("ops-untitled", "https://news.example.kr/ops/3", "", "제목 없는 기사 본문이다.")) + "\n",
            StandardCharsets.UTF_8);
        int port = freePort();
        long startedAt = System.currentTimeMillis() / 1000;
        produce = new ProcessBuilder(LocalStackProcess.java(), "-jar", StreamProcess.JAR.toAbsolutePath().toString(),
            "produce", "--follow", "--no-progress", "--scan-interval", "200ms", "--http-port", String.valueOf(port),
            "--state", dir.resolve("producer-state.json").toString(), "--bootstrap-servers", stack.bootstrapServers(),
            "--schema-registry-url", stack.schemaRegistryUrl(), followed.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("produce.log").toFile()).start();
        String producer = "http://127.0.0.1:" + port;
        String source = "{source=\"" + followed.toAbsolutePath().normalize() + "\"}";

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> {
              String scrape = get(producer + "/metrics").body();
              // The last success is set once the scan's sends are committed to the state file, after the acks.
              return value(scrape, "newsflow_producer_articles_sent_total" + source) == 4
                  && !Double.isNaN(value(scrape, "newsflow_producer_last_success_timestamp_seconds" + source));
            });
        String produced = get(producer + "/metrics").body();
        assertThat(value(produced, "newsflow_producer_articles_read_total" + source)).isEqualTo(4);
        assertThat(value(produced, "newsflow_producer_articles_failed_total" + source)).isZero();
        assertThat(value(produced, "newsflow_producer_send_errors_total{retriable=\"true\","
            + source.substring(1))).isZero();
        assertThat(value(produced, "newsflow_producer_last_success_timestamp_seconds" + source))
            .isBetween((double) startedAt, System.currentTimeMillis() / 1000.0 + 1);
        assertThat(value(produced, "jvm_threads_live_threads")).isPositive();
        HttpResponse<String> health = get(producer + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(get(producer + "/metrics/other").statusCode()).isEqualTo(404);

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> {
          String scrape = get(api + "/metrics").body();
          return value(scrape, "newsflow_articles_unique_total") == 2
              && value(scrape, "newsflow_dead_letters_total{stage=\"normalize\"}") == 1
              && scrape.contains("newsflow_articles_duplicates_total{") && scrape.contains("newsflow_trend_snapshots_total{")
              // Per topic once the group has committed and the cached lag (5 s) has been read again.
              && scrape.contains("newsflow_consumer_lag_records{topic=\"news.raw\"}");
        });
        get(api + "/api/stats");
        Set<String> scraped = names(get(api + "/metrics").body());
        scraped.addAll(names(get(producer + "/metrics").body()));

        Set<String> used = new TreeSet<>();
        dashboardExpressions().forEach(e -> used.addAll(metricNames(e)));
        alertExpressions().forEach(e -> used.addAll(metricNames(e)));
        assertThat(used).as("metric names in ops/").contains("newsflow_streams_state", "newsflow_dead_letters_total",
            "newsflow_consumer_lag_all_topics_records", "jvm_memory_used_bytes", "http_server_requests_seconds_bucket",
            "newsflow_producer_articles_sent_total", "up");
        used.removeAll(PROMETHEUS_OWN);
        assertThat(scraped).as("series on /metrics of the app and the producer").containsAll(used);

        produce.destroy();
        assertThat(produce.waitFor(20, TimeUnit.SECONDS)).as("produce stops on SIGTERM").isTrue();
      } finally {
        if (produce != null) {
          produce.destroyForcibly();
        }
        app.stop();
        ItLogs.keep(getClass(), List.of(dir.resolve("produce.log"), app.log()));
      }
    }
  }

  @Test
  void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorLabelsNorKeywords() {
    assertThat(metricNames("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
        + "{job=\"$job\", uri!~\"/x\"}[$__rate_interval])))")).containsExactly("http_server_requests_seconds_bucket");
    assertThat(metricNames("min by (job) (a_records) > 1000 and min by (job) (delta(a_records[15m])) > 0 "
        + "or time() - b_seconds offset 5m")).containsExactly("a_records", "b_seconds");
  }

  /** The metric names in a PromQL expression: what is left without strings, label sets, ranges, functions. */
  static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(", "(")
        .replaceAll("\\b\\d+(\\.\\d+)?[smhdwy]?\\b", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!PROMQL_WORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  private static List<String> dashboardExpressions() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/newsflow.json").toFile());
    List<String> exprs = new ArrayList<>();
    dashboard.findValues("expr").forEach(node -> exprs.add(node.asText()));
    // The panels' queries and the variables' label_values(...) queries.
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      String query = variable.path("query").path("query").asText("");
      Matcher inner = Pattern.compile("label_values\\((.*),\\s*\\w+\\)").matcher(query);
      if (inner.matches()) {
        exprs.add(inner.group(1));
      }
    }
    assertThat(exprs).as("expressions in the dashboard").hasSizeGreaterThan(10);
    return exprs;
  }

  private static List<String> alertExpressions() throws IOException {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(OPS.resolve("prometheus/alerts.yml").toFile());
    List<String> exprs = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        exprs.add(rule.path("expr").asText());
      }
    }
    assertThat(exprs).as("alert rules").hasSizeGreaterThanOrEqualTo(5);
    return exprs;
  }

  private static Set<String> names(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher m = SAMPLE_NAME.matcher(scrape);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String line(String id, String url, String titleField, String body) {
    return "{\"id\":\"" + id + "\",\"url\":\"" + url + "\"," + titleField + "\"publishedAt\":\"2025-06-02T09:00:00Z\","
        + "\"body\":\"" + body + "\"}";
  }

  /** The value of one sample (name and labels as printed); -1 when absent. */
  private static double value(String scrape, String sample) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    return -1;
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
