package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.RawArticle;
import io.newsflow.kafka.embedded.KafkaCluster;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.streams.verify.Oracle;
import io.newsflow.streams.verify.PipelineRun;
import io.newsflow.streams.verify.SyntheticNews;
import io.newsflow.streams.verify.TopicOffsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * newsflow on a cluster of three Kafka nodes (child processes, replication factor 3, min.insync.replicas 2) and
 * two {@code newsflow stream} instances (child processes), while articles flow: one broker SIGKILLed and
 * restarted; one instance SIGKILLed and restarted, with and without a standby replica; a rolling restart of both.
 * Each ends with the notices and counts equal to the offline oracle's, and the REST API, asked for articles on
 * both instances four times a second throughout, gives no 5xx outside the time between a fault and the group's
 * settling (every live instance RUNNING and ready, the consumer group stable with one member per instance).
 * The settle times go to {@code target/it-logs/ClusterFailoverIT/settle-times.txt}.
 */
class ClusterFailoverIT {

  private static final Instant START = Instant.parse("2025-10-06T00:00:00Z");
  private static final Path REPORT = Path.of("target", "it-logs", "ClusterFailoverIT", "settle-times.txt");

  @TempDir
  static Path clusterDir;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static KafkaCluster cluster;
  private static SchemaRegistryServer registry;

  @TempDir
  Path dir;

  private final List<StreamProcess> apps = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  /** Faults and how long each took to settle: [fault, settled), during which errors are allowed. */
  private final List<Instant[]> unsettled = new ArrayList<>();
  private PipelineRun run;
  private CompletableFuture<Void> produced;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = KafkaCluster.start(KafkaCluster.Config.of(3, 0, clusterDir));
    registry = SchemaRegistryServer.start(
        new SchemaRegistryServer.Config("localhost", 0, cluster.bootstrapServers(), "_schemas"));
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
  }

  @AfterAll
  static void stopCluster() {
    if (registry != null) {
      registry.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aBrokerKilledAndRestartedWhileArticlesFlow() throws Exception {
    scenario("broker", 1, (offsets) -> {
      cluster.kill(2);
      Instant fault = Instant.now();
      settled("broker 2 SIGKILLed", fault);
      awaitProgress(offsets, 150);
      Instant back = Instant.now();
      cluster.restart(2);
      settled("broker 2 restarted", back);
    });
  }

  @ParameterizedTest(name = "standby replicas {0}")
  @ValueSource(ints = {0, 1})
  void anInstanceKilledAndRestartedWhileArticlesFlow(int standby) throws Exception {
    scenario("instance-" + standby, standby, (offsets) -> {
      Instant fault = Instant.now();
      apps.get(1).kill();
      urls.set(1, null);
      settled("instance 2 SIGKILLed (standby " + standby + ")", fault);
      awaitProgress(offsets, 150);
      Instant back = Instant.now();
      apps.get(1).start();
      urls.set(1, apps.get(1).apiUrl());
      settled("instance 2 restarted (standby " + standby + ")", back);
    });
  }

  @Test
  void aRollingRestartOfEveryInstance() throws Exception {
    scenario("rolling", 1, (offsets) -> {
      for (int i = 0; i < apps.size(); i++) {
        Instant fault = Instant.now();
        StreamProcess app = apps.get(i);
        urls.set(i, null);
        app.process().destroy();
        assertThat(app.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        app.start();
        urls.set(i, app.apiUrl());
        settled("rolling restart of instance " + (i + 1), fault);
        awaitProgress(offsets, 100);
      }
    });
  }

  private interface Faults {
    void inject(TopicOffsets offsets) throws Exception;
  }

  private void scenario(String name, int standby, Faults faults) throws Exception {
    assertThat(StreamProcess.JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
    List<RawArticle> input = SyntheticNews.generate(1200, 31 + standby, START, Duration.ofDays(3));
    run = new PipelineRun("failover-" + name, cluster.bootstrapServers(), registry.url(), 3);
    run.config().put("num.stream.threads", "1");
    run.config().put("num.standby.replicas", Integer.toString(standby));
    // A SIGKILLed member stays in the group until its session times out (45 s by default).
    run.config().put("session.timeout.ms", "6000");
    run.config().put("heartbeat.interval.ms", "1500");
    Oracle.Plan expected = run.expected(input);
    for (int i = 0; i < 2; i++) {
      apps.add(new StreamProcess(dir.resolve("app-" + i), cluster.bootstrapServers(), registry.url(), run.config())
          .start());
    }
    try (TopicOffsets offsets = new TopicOffsets(cluster.bootstrapServers())) {
      for (StreamProcess app : apps) {
        urls.add(app.apiUrl());
      }
      settled(name + ": start", Instant.now());
      assertEveryTopicReplicatedThreeTimes();
      List<String> ids = input.stream().limit(300).map(RawArticle::getId).toList();
      try (ApiProbe probe = new ApiProbe(() -> urls.stream().filter(u -> u != null).toList(), ids)) {
        produced = run.produceAtRate(input, 40);
        awaitProgress(offsets, 250);
        faults.inject(offsets);
        produced.get(5, TimeUnit.MINUTES);
        run.awaitEqual(expected, Duration.ofMinutes(5));
        probe.close();
        List<ApiProbe.Answer> answers = probe.answers();
        // That the probe was answered at all; how often depends on the machine (a request may wait out a rebalance
        // for 5 s), and a loaded CI run answered 94 times.
        assertThat(answers).filteredOn(a -> a.status() == 200).as("articles found").hasSizeGreaterThan(50);
        // Once settled, a 5xx is a fault of the app (a request sent to an instance that does not hold the article,
        // a store closed under it), except a peer that answered slower than the API's peer timeout: that is a 502 by
        // design, and on two cores shared by three brokers and two apps it happens (a clean-clone run saw one).
        List<ApiProbe.Answer> late = answers.stream().filter(a -> a.status() >= 500 && settledAt(a.at())).toList();
        assertThat(late).filteredOn(a -> !a.peerTimedOut()).as("5xx once settled").isEmpty();
        assertThat(late).as("peer timeouts once settled").hasSizeLessThanOrEqualTo(3);
      }
      for (StreamProcess app : apps) {
        assertThat(app.process().isAlive()).as("%s", app.log()).isTrue();
        assertThat(Files.readString(app.log())).doesNotContain("event=unexpected-error");
      }
    } finally {
      for (StreamProcess app : apps) {
        app.stop();
      }
    }
  }

  /** Waits for the group to settle after a fault at {@code fault}, and records how long that took. */
  private void settled(String what, Instant fault) throws IOException {
    List<String> live = urls.stream().filter(u -> u != null).toList();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
          stable(admin, live.size()) && live.stream().allMatch(url -> ready(url) && seesOnly(url, live)));
    }
    Instant at = Instant.now();
    unsettled.add(new Instant[] {fault, at});
    String line = String.format("%-45s settled in %5.1f s%n", what, Duration.between(fault, at).toMillis() / 1000.0);
    System.out.print("ClusterFailoverIT " + line);
    Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * The run's public topics, Kafka Streams' internal ones, _schemas and the brokers' own: three replicas each and
   * two in sync needed for a write, with no replication setting given to the app.
   */
  private void assertEveryTopicReplicatedThreeTimes() throws Exception {
    String prefix = run.rawTopic().substring(0, run.rawTopic().indexOf(".news."));
    String appId = run.config().get("application.id");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      List<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
          .filter(t -> t.startsWith(prefix + ".") || t.startsWith(appId + "-") || t.startsWith("_"))
          .toList();
      assertThat(topics).contains(run.rawTopic(), prefix + ".news.trends", "_schemas", "__consumer_offsets",
          "__transaction_state").anyMatch(t -> t.endsWith("-changelog")).anyMatch(t -> t.endsWith("-repartition"));
      admin.describeTopics(topics).allTopicNames().get().values().forEach(topic ->
          assertThat(topic.partitions()).as(topic.name()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
      List<ConfigResource> resources = topics.stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      admin.describeConfigs(resources).all().get().forEach((resource, config) ->
          assertThat(config.get("min.insync.replicas").value()).as(resource.name()).isEqualTo("2"));
    }
  }

  private boolean settledAt(Instant at) {
    return unsettled.stream().noneMatch(window -> !at.isBefore(window[0]) && at.isBefore(window[1]));
  }

  private boolean stable(Admin admin, int members) throws Exception {
    String group = run.config().get("application.id");
    ConsumerGroupDescription described = admin.describeConsumerGroups(List.of(group)).all()
        .get(5, TimeUnit.SECONDS).get(group);
    return described.groupState() == GroupState.STABLE && described.members().size() == members;
  }

  private static boolean ready(String url) {
    return get(url + "/ready").statusCode() == 200;
  }

  /** Whether the instance's view of the group (its interactive-query metadata) is exactly the live instances. */
  private static boolean seesOnly(String url, List<String> live) {
    HttpResponse<String> stats = get(url + "/api/stats");
    if (stats.statusCode() != 200) {
      return false;
    }
    List<String> seen = new ArrayList<>();
    try {
      JSON.readTree(stats.body()).path("instances").forEach(node -> seen.add("http://" + node.asText()));
    } catch (IOException e) {
      return false;
    }
    return seen.size() == live.size() && seen.containsAll(live);
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the app has read {@code records} more articles into its first exchange, or the input has all been
   * sent (a slow restart may outlast it).
   */
  private void awaitProgress(TopicOffsets offsets, int records) {
    String topic = run.config().get("application.id") + "-dedup-by-item-repartition";
    long from = offsets.written(topic);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
        .until(() -> offsets.written(topic) >= from + records || produced != null && produced.isDone());
  }
}
