package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class TaskByTopicTest {

  private static final String TRENDS = "newsflow-bench-trends-by-window-repartition";

  @Test
  void findsTheActiveTaskReadingTheTopicOnAnyThread() {
    ThreadMetadata first = new StubThread(Set.of(task(0, 0, "news.raw"), task(0, 1, "news.raw")), Set.of());
    ThreadMetadata second = new StubThread(Set.of(task(1, 1, "newsflow-bench-dedup-by-item-repartition"),
        task(3, 0, TRENDS)), Set.of());

    assertThat(TaskByTopic.find(List.of(first, second), TRENDS)).contains("3_0");
  }

  @Test
  void aStandbyOfTheTaskIsNotIt() {
    ThreadMetadata standbyOnly = new StubThread(Set.of(task(0, 0, "news.raw")), Set.of(task(3, 0, TRENDS)));

    assertThat(TaskByTopic.find(List.of(standbyOnly), TRENDS)).isEmpty();
  }

  @Test
  void aTopicWhoseNameOnlyEndsTheSameIsAnotherTopic() {
    ThreadMetadata thread = new StubThread(Set.of(task(3, 0, "other-app-" + TRENDS)), Set.of());

    assertThat(TaskByTopic.find(List.of(thread), TRENDS)).isEmpty();
  }

  private static TaskMetadata task(int subtopology, int partition, String topic) {
    return new StubTask(new TaskId(subtopology, partition), Set.of(new TopicPartition(topic, partition)));
  }

  private record StubTask(TaskId taskId, Set<TopicPartition> topicPartitions) implements TaskMetadata {
    @Override
    public Map<TopicPartition, Long> committedOffsets() {
      return Map.of();
    }

    @Override
    public Map<TopicPartition, Long> endOffsets() {
      return Map.of();
    }

    @Override
    public Optional<Long> timeCurrentIdlingStarted() {
      return Optional.empty();
    }
  }

  private record StubThread(Set<TaskMetadata> activeTasks, Set<TaskMetadata> standbyTasks) implements ThreadMetadata {
    @Override
    public String threadState() {
      return "RUNNING";
    }

    @Override
    public String threadName() {
      return "bench-StreamThread-1";
    }

    @Override
    public String consumerClientId() {
      return "consumer";
    }

    @Override
    public String restoreConsumerClientId() {
      return "restore-consumer";
    }

    @Override
    public Set<String> producerClientIds() {
      return Set.of();
    }

    @Override
    public String adminClientId() {
      return "admin";
    }
  }
}
