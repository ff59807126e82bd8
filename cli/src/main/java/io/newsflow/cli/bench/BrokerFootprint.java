package io.newsflow.cli.bench;

import io.newsflow.streams.topics.TopicNames;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds at one moment: the end offset and the log size of every partition of every topic,
 * internal ones included, read through the Admin API. Two of them, before and after a measured interval, tell
 * how many records (offsets: records and transaction markers) and bytes each kind of topic took in it.
 *
 * @param endOffsets the next offset of each partition
 * @param bytes the size of each partition's log, summed over the brokers' log directories
 */
public record BrokerFootprint(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> bytes) {

  /** The kinds of topic, in report order. */
  public static final List<String> KINDS =
      List.of("repartition", "changelog", "news.raw", "outputs", "Kafka internal", "other");

  /** Records and bytes a kind of topic took in an interval. */
  public record Growth(long records, long bytes) {

    Growth plus(Growth other) {
      return new Growth(records + other.records, bytes + other.bytes);
    }
  }

  public BrokerFootprint {
    endOffsets = Map.copyOf(endOffsets);
    bytes = Map.copyOf(bytes);
  }

  /** Reads every partition's end offset and log size now. */
  public static BrokerFootprint read(Admin admin) {
    try {
      Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      topics.values().forEach(t -> t.partitions()
          .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
      Collection<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
      Map<TopicPartition, Long> sizes = new HashMap<>();
      admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values()
          .forEach(dir -> dir.replicaInfos().forEach((tp, replica) -> sizes.merge(tp, replica.size(), Long::sum))));
      return new BrokerFootprint(offsets, sizes);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the broker's offsets and log sizes: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the broker's offsets and log sizes", e);
    }
  }

  /**
   * What each kind of topic ({@link #KINDS}, every kind present) took from {@code before} to this footprint: a
   * partition missing before counts from 0. Bytes can go down where the broker deleted or compacted segments.
   */
  public Map<String, Growth> growthSince(BrokerFootprint before, String applicationId, TopicNames topics) {
    Map<String, Growth> byKind = new LinkedHashMap<>();
    KINDS.forEach(kind -> byKind.put(kind, new Growth(0, 0)));
    Set<TopicPartition> partitions = new HashSet<>(endOffsets.keySet());
    partitions.addAll(bytes.keySet());
    for (TopicPartition tp : partitions) {
      Growth growth = new Growth(
          endOffsets.getOrDefault(tp, 0L) - before.endOffsets.getOrDefault(tp, 0L),
          bytes.getOrDefault(tp, 0L) - before.bytes.getOrDefault(tp, 0L));
      byKind.merge(kind(tp.topic(), applicationId, topics), growth, Growth::plus);
    }
    return byKind;
  }

  /**
   * What each of the streams app's repartition and changelog topics took from {@code before} to this footprint,
   * named without the application id's prefix, most records first.
   */
  public Map<String, Growth> internalTopicsSince(BrokerFootprint before, String applicationId, TopicNames topics) {
    Map<String, Growth> byTopic = new HashMap<>();
    Set<TopicPartition> partitions = new HashSet<>(endOffsets.keySet());
    partitions.addAll(bytes.keySet());
    for (TopicPartition tp : partitions) {
      String kind = kind(tp.topic(), applicationId, topics);
      if (kind.equals("repartition") || kind.equals("changelog")) {
        byTopic.merge(tp.topic().substring(applicationId.length() + 1), new Growth(
            endOffsets.getOrDefault(tp, 0L) - before.endOffsets.getOrDefault(tp, 0L),
            bytes.getOrDefault(tp, 0L) - before.bytes.getOrDefault(tp, 0L)), Growth::plus);
      }
    }
    Map<String, Growth> sorted = new LinkedHashMap<>();
    byTopic.entrySet().stream()
        .sorted(Map.Entry.<String, Growth>comparingByValue(
            Comparator.comparingLong(Growth::records)).reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The kind of {@code topic}: the streams app's repartition and changelog topics, its input, its outputs ... */
  static String kind(String topic, String applicationId, TopicNames topics) {
    if (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")) {
      return "repartition";
    }
    if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
      return "changelog";
    }
    if (topic.equals(topics.raw())) {
      return "news.raw";
    }
    if (topics.all().contains(topic)) {
      return "outputs";
    }
    if (topic.startsWith("__")) {
      return "Kafka internal";
    }
    return "other";
  }
}
