package io.newsflow.streams.support;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Commits as soon as a stream thread has caught up with its input, instead of at the next commit interval.
 *
 * <p>Under exactly-once a stage's output is visible to the next stage only once the transaction that wrote it
 * commits, and an article crosses three such commits on its way to news.articles and four to news.trends. With
 * commits on the interval alone each hop waits up to an interval (1 s by default) however idle the thread is. A
 * thread with nothing left to fetch gains nothing by keeping its transaction open, since no more input would
 * join it: it asks Kafka Streams to commit after the record at hand ({@link ProcessingContext#commit()}). A
 * thread with a backlog still commits once per interval, so a backlog costs what it did per article.
 *
 * <p>Kafka Streams does not tell a processor whether its thread is caught up. This client supplier remembers
 * each stream thread's main consumer by its client id ({@code <thread name>-consumer}), and
 * {@link #requestIfCaughtUp} asks that consumer, on its own thread, for the lag of every partition assigned to
 * it: {@link Consumer#currentLag} reads what the last fetches returned and sends no request. A lag that is not
 * known yet counts as not caught up, and a thread whose consumer this supplier did not create (the
 * TopologyTestDriver, or the feature turned off) never asks.
 */
public final class EagerCommit implements KafkaClientSupplier {

  /** How often one thread looks at its lag at most: a few microseconds' work, not worth doing per record. */
  private static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final Map<String, Consumer<byte[], byte[]>> MAIN_CONSUMERS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Probe> PROBE = ThreadLocal.withInitial(Probe::forCurrentThread);

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
   * Requests a commit of the calling stream thread's tasks when its main consumer has fetched everything
   * committed on every partition assigned to it. Call it from a processor, on its stream thread.
   */
  public static void requestIfCaughtUp(ProcessingContext context) {
    if (PROBE.get().caughtUp()) {
      context.commit();
    }
  }

  /** One stream thread's view of its consumer's lag, looked at once a millisecond at most. */
  private static final class Probe {
    private final Consumer<byte[], byte[]> consumer;
    private long checkedAt;
    private boolean caughtUp;

    private Probe(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
      this.checkedAt = System.nanoTime() - CHECK_EVERY_NANOS;
    }

    static Probe forCurrentThread() {
      return new Probe(MAIN_CONSUMERS.get(Thread.currentThread().getName() + "-consumer"));
    }

    boolean caughtUp() {
      if (consumer == null) {
        return false;
      }
      long now = System.nanoTime();
      if (now - checkedAt >= CHECK_EVERY_NANOS) {
        checkedAt = now;
        caughtUp = lagIsZero(consumer);
      }
      return caughtUp;
    }

    private static boolean lagIsZero(Consumer<byte[], byte[]> consumer) {
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
}
