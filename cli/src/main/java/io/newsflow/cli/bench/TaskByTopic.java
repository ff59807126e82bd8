package io.newsflow.cli.bench;

import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Finds the active task that reads a topic, from {@link org.apache.kafka.streams.KafkaStreams#metadataForLocalThreads},
 * so the bench can pick one task's metrics out of all of them by its {@code task-id} tag.
 */
public final class TaskByTopic {

  private TaskByTopic() {
  }

  /** The id (e.g. {@code 3_0}) of the first active task of {@code threads} with a partition of {@code topic}. */
  public static Optional<String> find(Collection<ThreadMetadata> threads, String topic) {
    return threads.stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .filter(task -> reads(task, topic))
        .map(task -> task.taskId().toString())
        .findFirst();
  }

  static boolean reads(TaskMetadata task, String topic) {
    return task.topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic));
  }
}
