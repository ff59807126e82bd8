package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.registry.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver forgets items two retentions after their event time, by its own task's stream time. Its messages
 * come through other tasks, which in a replay run days of event time apart: an item still waiting for reports
 * must outlive the retention, or its article is lost. Messages are fed by hand, in the order a drifting
 * replay delivers them.
 */
class ResolverExpiryTest {

  private static final Duration RETENTION = Duration.ofDays(7);
  private static final Instant T0 = Instant.parse("1987-03-02T09:00:00Z");

  @TempDir
  Path stateDir;

  private MockProcessorContext<String, Resolution> context;
  private Processor<String, DedupMessage, String, Resolution> resolver;

  @BeforeEach
  void start() {
    AvroSerde<Article> articles = new AvroSerde<>(Article.class);
    articles.configure(Map.of("schema.registry.url", "mock://resolver-expiry-" + UUID.randomUUID()), false);
    ProcessorSupplier<String, DedupMessage, String, Resolution> supplier =
        ResolverProcessor.supplier(RETENTION, articles);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "resolver-expiry");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver.invalid:9092");
    context = new MockProcessorContext<>(config, new TaskId(1, 0), stateDir.toFile());
    for (StoreBuilder<?> builder : supplier.stores()) {
      StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    context.setCurrentStreamTimeMs(0);
    context.setCurrentSystemTimeMs(0);
    resolver = supplier.get();
    resolver.init(context);
  }

  @Test
  void anItemWaitingForItsReportsOutlivesTheRetentionWhileAnotherTaskRunsTenDaysAhead() {
    Article early = article("early", T0);
    send("item-early", DedupMessage.version(early, List.of("k1")), T0);
    // A faster task's article, ten days on: stream time jumps past the early item's retention.
    send("item-late", DedupMessage.version(article("late", T0.plus(Duration.ofDays(10))), List.of("k2")),
        T0.plus(Duration.ofDays(10)));
    send("item-early", DedupMessage.report(Identity.handle(early), "k1", List.of()), T0);

    assertThat(published()).containsExactly("early");
  }

  @Test
  void anItemWaitingForItsReportsHoldsBackTheExpiryOfLaterOnes() {
    Article early = article("early", T0);
    send("item-early", DedupMessage.version(early, List.of("k1")), T0);
    Article second = article("second", T0.plusSeconds(60));
    send("item-second", DedupMessage.version(second, List.of("k2")), T0.plusSeconds(60));
    send("item-second", DedupMessage.report(Identity.handle(second), "k2", List.of()), T0.plusSeconds(60));
    // Three months on: "second" is past the retention, but waits behind "early", which waits for its report.
    send("item-late", DedupMessage.version(article("late", T0.plus(Duration.ofDays(90))), List.of("k3")),
        T0.plus(Duration.ofDays(90)));
    context.resetForwards();

    // So "second" sent again is still known (a re-send, not a new article), and "early" is published at last.
    send("item-second", DedupMessage.version(second, List.of("k2")), T0.plus(Duration.ofDays(90)));
    send("item-early", DedupMessage.report(Identity.handle(early), "k1", List.of()), T0);

    assertThat(published()).containsExactly("early");
  }

  @Test
  void aSettledItemIsForgottenAfterTwoRetentions() {
    Article first = article("first", T0);
    send("item-first", DedupMessage.version(first, List.of("k1")), T0);
    send("item-first", DedupMessage.report(Identity.handle(first), "k1", List.of()), T0);
    send("item-other", DedupMessage.version(article("other", T0.plus(Duration.ofDays(15))), List.of("k2")),
        T0.plus(Duration.ofDays(15)));
    context.resetForwards();

    // The same article again, fifteen days on: the item was forgotten, so it is published anew, not a re-send.
    Article again = article("first", T0);
    send("item-first", DedupMessage.version(again, List.of("k1")), T0.plus(Duration.ofDays(15)));
    send("item-first", DedupMessage.report(Identity.handle(again), "k1", List.of()), T0.plus(Duration.ofDays(15)));

    assertThat(published()).containsExactly("first");
  }

  @Test
  void settledItemsAreForgottenOneByOneAsStreamTimeMovesTwoRetentionsPastThem() {
    // A day's item each day for three weeks: expiry runs as stream time moves, a few items at a time.
    for (int day = 0; day < 21; day++) {
      Instant time = T0.plus(Duration.ofDays(day));
      Article article = article("day-" + day, time);
      send("item-" + day, DedupMessage.version(article, List.of("k" + day)), time);
      send("item-" + day, DedupMessage.report(Identity.handle(article), "k" + day, List.of()), time);
    }
    context.resetForwards();

    // Stream time is day 20: the items of days 0-5 are forgotten, so their articles sent again are new; days
    // 7 on are still known, so theirs are re-sends.
    Instant now = T0.plus(Duration.ofDays(20));
    for (int day : new int[] {0, 5, 7, 12}) {
      Article again = article("day-" + day, T0.plus(Duration.ofDays(day)));
      send("item-" + day, DedupMessage.version(again, List.of("k" + day)), now);
      send("item-" + day, DedupMessage.report(Identity.handle(again), "k" + day, List.of()), now);
    }

    assertThat(published()).containsExactly("day-0", "day-5");
  }

  @Test
  void aCountedItemStillLearnsOfAnEarlierCopyTheIndexFindsAfterStreamTimeRanARetentionAhead() {
    // reuters-16, a copy of reuters-4 fourteen minutes later, was indexed first and counted ...
    Article copy = article("copy", T0.plusSeconds(840));
    send("item-copy", DedupMessage.version(copy, List.of("k1")), T0.plusSeconds(840));
    send("item-copy", DedupMessage.report(Identity.handle(copy), "k1", List.of()), T0.plusSeconds(840));
    // ... the versions of a backlog, straight from normalize, took this task's stream time ten days on ...
    send("item-later", DedupMessage.version(article("later", T0.plus(Duration.ofDays(10))), List.of("k2")),
        T0.plus(Duration.ofDays(10)));
    context.resetForwards();
    // ... and only then did the index see the original under the same key and send the copy its edge.
    Match original = new Match("item-original", "original", "original#0123", T0.toEpochMilli(),
        DuplicateKind.EXACT_CONTENT, 0);
    send("item-copy", DedupMessage.edge(Identity.handle(copy), original), T0);

    List<Resolution> out = context.forwarded().stream()
        .map(forward -> (Resolution) forward.record().value()).toList();
    assertThat(out).extracting(Resolution::type).containsExactly(Resolution.Type.NOTICE, Resolution.Type.WITHDRAW);
    assertThat(out.get(0).notice().getDuplicateOf()).isEqualTo("original");
    assertThat(out.get(0).notice().getKind()).isEqualTo(DuplicateKind.EXACT_CONTENT);
  }

  private void send(String item, DedupMessage message, Instant time) {
    long millis = time.toEpochMilli();
    if (millis > context.currentStreamTimeMs()) {
      context.setCurrentStreamTimeMs(millis);
    }
    resolver.process(new Record<>(item, message, millis));
  }

  private List<String> published() {
    return context.forwarded().stream()
        .map(CapturedForward::record)
        .map(Record::value)
        .filter(r -> r.type() == Resolution.Type.PUBLISH)
        .map(r -> r.article().getId())
        .toList();
  }

  private static Article article(String id, Instant publishedAt) {
    return Article.newBuilder()
        .setId(id)
        .setTitle("Story " + id)
        .setBody("The body of story " + id + ".")
        .setLanguage("en")
        .setPublishedAt(publishedAt)
        .setFetchedAt(publishedAt)
        .setFingerprint("0123456789abcdef0123456789abcdef" + id)
        .build();
  }
}
