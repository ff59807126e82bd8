package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.streams.verify.Oracle;
import io.newsflow.streams.verify.PipelineRun;
import io.newsflow.streams.verify.SyntheticNews;
import io.newsflow.streams.verify.TopicOffsets;
import io.newsflow.streams.verify.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code newsflow stream} as child processes (two stream threads each, news.raw of 3 partitions) SIGKILLed ten
 * times at random moments while they work, restarted each time, then stopped with SIGTERM in the middle of
 * its work and restarted: the final notices and counts equal the oracle's. Once with one instance and no
 * standby replicas, once with two instances and {@code num.standby.replicas=1}. A kill comes when the app has
 * written a random number of records (uncommitted included) since it was last started, so it always falls
 * while a transaction is open.
 */
class CrashIT {

  @RegisterExtension
  static final LocalStackExtension stack = new LocalStackExtension();

  private static final Instant START = Instant.parse("2025-06-02T00:00:00Z");
  private static final int KILLS = 10;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "standby replicas {0}")
  @ValueSource(ints = {0, 1})
  void tenKillsAndASigtermChangeNothing(int standby) throws Exception {
    assertThat(StreamProcess.JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
    List<RawArticle> input = new ArrayList<>(SyntheticNews.generate(1700, 100 + standby, START, Duration.ofDays(4)));
    Random random = new Random(standby);
    Collections.shuffle(input, random);
    PipelineRun run = new PipelineRun("crash-" + standby, stack.bootstrapServers(), stack.schemaRegistryUrl(), 3);
    run.config().put("num.stream.threads", "2");
    run.config().put("num.standby.replicas", Integer.toString(standby));
    // A SIGKILLed member stays in the group until its session times out (45 s by default); the restarted
    // instance's tasks wait for that. The broker's minimum keeps each of the eleven restarts short.
    run.config().put("session.timeout.ms", "6000");
    run.config().put("heartbeat.interval.ms", "1500");
    Oracle.Plan expected = run.expected(input);

    int instances = standby == 0 ? 1 : 2;
    List<StreamProcess> apps = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      apps.add(new StreamProcess(dir.resolve("app-" + i), stack.bootstrapServers(), stack.schemaRegistryUrl(),
          run.config()).start());
    }
    String progressTopic = run.config().get("application.id") + "-dedup-by-item-repartition";
    try (TopicOffsets offsets = new TopicOffsets(stack.bootstrapServers())) {
      CompletableFuture<Void> produced = run.produceAtRate(input, 30);
      for (int kill = 0; kill < KILLS; kill++) {
        awaitProgress(offsets, progressTopic, 100 + random.nextInt(600));
        StreamProcess victim = apps.get(random.nextInt(instances));
        victim.kill();
        victim.start();
      }
      awaitProgress(offsets, progressTopic, 200);
      StreamProcess stopped = apps.get(0);
      stopped.process().destroy();
      assertThat(stopped.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
      // A JVM stopped by a signal exits 128 + its number once its shutdown hooks are done: 143 is a clean stop.
      assertThat(stopped.process().exitValue()).isIn(0, 143);
      stopped.start();
      produced.get(5, TimeUnit.MINUTES);

      run.awaitEqual(expected, Duration.ofMinutes(5));
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

  /** Waits until the app has written {@code records} more to the topic, counting uncommitted writes. */
  private static void awaitProgress(TopicOffsets offsets, String topic, int records) {
    long from = offsets.written(topic);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> offsets.written(topic) >= from + records);
  }
}
