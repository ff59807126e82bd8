package io.newsflow.cli;

import io.newsflow.kafka.clients.KafkaClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the streams app has processed and committed everything on its input and repartition topics. The
 * demo's {@code --once} waits for this (and then for the trend emissions that follow) rather than for a quiet
 * period alone: on a busy machine the trends stage can lag seconds behind the articles it counts.
 */
final class PipelineLag implements AutoCloseable {

  private final Admin admin;
  private final String applicationId;
  private final String rawTopic;
  private long caughtUpSince = -1;

  /** The lag of app {@code applicationId} on the cluster of {@code config}, which also holds its clients' settings. */
  PipelineLag(Map<String, String> config, String applicationId, String rawTopic) {
    this.admin = Admin.create(adminConfig(config));
    this.applicationId = applicationId;
    this.rawTopic = rawTopic;
  }

  /** True when the app has had no lag for at least {@code duration}, checked now. */
  boolean caughtUpFor(Duration duration) {
    long now = System.currentTimeMillis();
    if (lag() > 0) {
      caughtUpSince = -1;
      return false;
    }
    if (caughtUpSince < 0) {
      caughtUpSince = now;
    }
    return now - caughtUpSince >= duration.toMillis();
  }

  /** Records on news.raw and the app's repartition topics not yet committed by the app. */
  long lag() {
    try {
      Set<String> sources = admin.listTopics().names().get().stream()
          .filter(t -> t.equals(rawTopic) || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
          .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription topic : admin.describeTopics(sources).allTopicNames().get().values()) {
        topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      long lag = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
      }
      return lag;
    } catch (ExecutionException e) {
      return Long.MAX_VALUE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Long.MAX_VALUE;
    }
  }

  static Map<String, Object> adminConfig(Map<String, String> config) {
    Map<String, Object> props = KafkaClientSettings.admin(config);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-demo-lag");
    return props;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

}
