package io.newsflow.cli;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.cli.bench.SoakArticles;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Accounts for the soak's articles on news.articles, news.duplicates and news.dlq (read_committed, from the start)
 * by their ids' numbers, in bit sets: a million articles take a few hundred kilobytes, where the bench's sets of
 * ids would take a good part of the heap the soak measures. Record keys are the article ids; only duplicate notices
 * are decoded, for their kind. Not thread-safe: the soak's main thread polls it.
 */
final class SoakOutput implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames topics;
  private final AvroDeserializer<DuplicateNotice> notices = new AvroDeserializer<>(DuplicateNotice.class);
  private final BitSet articles = new BitSet();
  private final BitSet duplicates = new BitSet();
  private final BitSet deadLetters = new BitSet();
  private final AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(DeadLetter.class);
  private final Map<String, Long> noticeKinds = new TreeMap<>();
  private final Map<String, Long> deadLetterReasons = new TreeMap<>();
  private final Map<String, String> firstReasons = new TreeMap<>();
  private long out;
  private int firstNotOut;
  private long foreign;

  SoakOutput(Map<String, String> config, TopicNames topics) {
    this.topics = topics;
    notices.configure(SchemaRegistryClients.clientSettings(config), false);
    letters.configure(SchemaRegistryClients.clientSettings(config), false);
    consumer = new KafkaConsumer<>(DemoWatcher.consumerConfig(config), new StringDeserializer(),
        new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.articles(), topics.duplicates(), topics.deadLetters()));
  }

  /** Waits until the consumer has its partitions, so that nothing produced from now on is missed. */
  void awaitAssignment(Duration timeout) {
    DemoWatcher.awaitAssignment(consumer, timeout, this::poll);
  }

  /** Reads what has arrived. */
  void poll(Duration timeout) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      long index = SoakArticles.indexOf(record.key());
      if (index < 0 || index > Integer.MAX_VALUE) {
        foreign++;
        continue;
      }
      int i = (int) index;
      if (!articles.get(i) && !duplicates.get(i) && !deadLetters.get(i)) {
        out++;
      }
      if (record.topic().equals(topics.articles())) {
        articles.set(i);
      } else if (record.topic().equals(topics.duplicates())) {
        duplicates.set(i);
        noticeKinds.merge(notices.deserialize(record.topic(), record.value()).getKind().name(), 1L, Long::sum);
      } else {
        deadLetters.set(i);
        DeadLetter letter = letters.deserialize(record.topic(), record.value());
        String kind = letter.getStage() + ": " + reasonKind(letter.getReason());
        deadLetterReasons.merge(kind, 1L, Long::sum);
        firstReasons.putIfAbsent(kind, letter.getReason());
      }
    }
  }

  /**
   * The index of the first article not out yet: every article before it is. The feed keeps its backlog behind
   * this rather than behind {@link #out()}: when one partition's tasks fall behind, the others' output would let
   * the feed run ahead without bound, and the trend stage, whose stream time follows the fastest partition,
   * would find the slow partition's articles later than any grace (event time runs hundreds of times faster
   * than in a live feed).
   */
  long firstNotOut() {
    while (articles.get(firstNotOut) || duplicates.get(firstNotOut) || deadLetters.get(firstNotOut)) {
      firstNotOut++;
    }
    return firstNotOut;
  }

  /** Soak articles out on any of the three topics. */
  long out() {
    return out;
  }

  /** Articles published and not found a duplicate or a dead letter later. */
  long unique() {
    BitSet counted = (BitSet) articles.clone();
    counted.andNot(duplicates);
    counted.andNot(deadLetters);
    return counted.cardinality();
  }

  long duplicates() {
    return duplicates.cardinality();
  }

  /** Articles on news.dlq and not on news.duplicates. */
  long deadLetters() {
    BitSet letters = (BitSet) deadLetters.clone();
    letters.andNot(duplicates);
    return letters.cardinality();
  }

  /** Duplicate notices by kind (a notice corrected later counts twice). */
  Map<String, Long> noticeKinds() {
    return Map.copyOf(noticeKinds);
  }

  /** Dead letters by stage and the start of their reason (a notice corrected later counts twice). */
  Map<String, Long> deadLetterReasons() {
    return Map.copyOf(deadLetterReasons);
  }

  /** The whole reason of the first dead letter of each kind, by kind: what a count alone does not explain. */
  Map<String, String> firstReasons() {
    return Map.copyOf(firstReasons);
  }

  /** A reason's kind: its text up to the first colon, e.g. "late". */
  static String reasonKind(String reason) {
    if (reason == null) {
      return "(none)";
    }
    int colon = reason.indexOf(':');
    return (colon < 0 ? reason : reason.substring(0, colon)).strip();
  }

  /** Records whose key is no soak article's id (none expected). */
  long foreign() {
    return foreign;
  }

  /** Up to {@code max} of the first {@code sent} articles that have not come out, e.g. "soak-0000017, ...". */
  String missing(long sent, int max) {
    BitSet seen = (BitSet) articles.clone();
    seen.or(duplicates);
    seen.or(deadLetters);
    return IntStream.range(0, (int) sent).filter(i -> !seen.get(i)).limit(max)
        .mapToObj(SoakArticles::id).collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
