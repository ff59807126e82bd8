package io.newsflow.streams.api;

import io.newsflow.streams.api.Views.LagView;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many records the app's consumer group has yet to read, per topic (news.raw, the output topics the API
 * reads, and the repartition topics): committed offsets against the last stable offsets, so records of open
 * transactions do not count. One answer per {@link #MAX_AGE} at most, whatever the polling rate of dashboards and
 * Prometheus: each answer costs the cluster two Admin requests over every partition of the group.
 */
final class ConsumerLag implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
  private static final Duration MAX_AGE = Duration.ofSeconds(5);
  private static final long TIMEOUT_MS = 5_000;

  private final Admin admin;
  private final String groupId;
  private LagView cached;
  private long cachedAt;

  ConsumerLag(Properties streamsProperties) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        streamsProperties.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    streamsProperties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl."))
        .forEach(k -> props.put(k, streamsProperties.getProperty(k)));
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-api-lag");
    this.admin = Admin.create(props);
    this.groupId = streamsProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  /** The current lag, or null when the cluster did not answer (logged). */
  synchronized LagView now() {
    long now = System.currentTimeMillis();
    if (cached != null && now - cachedAt < MAX_AGE.toMillis()) {
      return cached;
    }
    try {
      cached = fetch();
      cachedAt = now;
      return cached;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("event=lag-unavailable group={} reason=\"{}\"", groupId, e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private LagView fetch() throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
        .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
        : admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<String, Long> byTopic = new TreeMap<>();
    committed.forEach((tp, offset) -> {
      ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
      if (offset != null && end != null) {
        byTopic.merge(tp.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
      }
    });
    return new LagView(byTopic.values().stream().mapToLong(Long::longValue).sum(), byTopic);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
