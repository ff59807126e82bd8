package io.newsflow.streams.support;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Commits soon after a stream thread has caught up with its input, instead of at the next commit interval.
 *
 * <p>Under exactly-once a stage's output is visible to the next stage only once the transaction that wrote it
 * commits, and an article crosses three such commits on its way to news.articles and four to news.trends. With
 * commits on the interval alone each hop waits up to an interval (1 s by default) however idle the thread is. A
 * thread with nothing left to fetch gains nothing by keeping its transaction open, since no more input would
 * join it. So each stage {@link #schedule}s a check every {@link #CHECK_EVERY} (Kafka Streams' own exactly-once
 * commit interval): when the stage processed something since its last request and its thread's consumer has
 * fetched everything committed on every partition assigned to it, it asks Kafka Streams to commit
 * ({@link ProcessingContext#commit()}). A thread with a backlog still commits once per interval, so a backlog
 * costs what it did per article; a thread that keeps catching up with a trickle commits at most ten times a
 * second, not after every few records.
 *
 * <p>Kafka Streams does not tell a processor whether its thread is caught up. This client supplier remembers
 * each stream thread's main consumer by its client id ({@code <thread name>-consumer}), and the check asks that
 * consumer, on its own thread, for the lag of every partition assigned to it: {@link Consumer#currentLag} reads
 * what the last fetches returned and sends no request. A lag that is not known yet counts as not caught up, and
 * a thread whose consumer this supplier did not create (the TopologyTestDriver, or the feature turned off)
 * never asks.
 */
public final class EagerCommit implements KafkaClientSupplier {

  /** How often a stage looks whether its thread has caught up. */
  public static final Duration CHECK_EVERY = Duration.ofMillis(100);

  private static final Map<String, Consumer<byte[], byte[]>> MAIN_CONSUMERS = new ConcurrentHashMap<>();

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    Consumer<byte[], byte[]> consumer = newConsumer(config);
    Object clientId = config.get(CommonClientConfigs.CLIENT_ID_CONFIG);
    if (clientId != null) {
      // A replaced stream thread takes its predecessor's name, and with it this entry.
      MAIN_CONSUMERS.put(clientId.toString(), consumer);
    }
    return consumer;
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return newConsumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return newConsumer(config);
  }

  private static Consumer<byte[], byte[]> newConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Schedules the check for one stage's task; call it from the processor's {@code init} and
   * {@link Trigger#processed()} whenever the stage has done work that a commit would make visible.
   */
  public static Trigger schedule(ProcessingContext context) {
    Trigger trigger = new Trigger(context,
        MAIN_CONSUMERS.get(Thread.currentThread().getName() + "-consumer"));
    context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> trigger.check());
    return trigger;
  }

  /** One stage task's pending work and its thread's consumer. */
  public static final class Trigger {
    private final ProcessingContext context;
    private final Consumer<byte[], byte[]> consumer;
    private boolean pending;

    private Trigger(ProcessingContext context, Consumer<byte[], byte[]> consumer) {
      this.context = context;
      this.consumer = consumer;
    }

    /** The stage did work since the last commit. */
    public void processed() {
      pending = true;
    }

    private void check() {
      if (pending && consumer != null && caughtUp(consumer)) {
        pending = false;
        context.commit();
      }
    }
  }

  private static boolean caughtUp(Consumer<byte[], byte[]> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    for (TopicPartition partition : assigned) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isEmpty() || lag.getAsLong() > 0) {
        return false;
      }
    }
    return true;
  }
}
