package io.newsflow.producer.publish;

import io.newsflow.avro.RawArticle;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.producer.Failure;
import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.source.SourceAttributes;
import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.registry.serde.AvroSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends RawArticle records to the raw topic keyed by id, durably (acks=all, idempotence) and compressed,
 * and counts what the cluster acknowledged and what it refused. {@link #close()} waits for every record
 * sent so far, so the counts are final once it returns.
 */
public final class ArticlePublisher implements RecordSink {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
  // A producer that runs for days must not keep every failure; the summary says how many were left out.
  private static final int MAX_KEPT_FAILURES = 1_000;

  private final Producer<String, RawArticle> producer;
  private final String topic;
  private final AtomicLong sent = new AtomicLong();
  private final List<Failure> failures = new ArrayList<>();
  // Set by a failure after which every further send would fail the same way.
  private final AtomicReference<Failure> fatal = new AtomicReference<>();

  /**
   * Connects nothing yet: the producer connects on the first send.
   *
   * @throws org.apache.kafka.common.KafkaException when the config is invalid (bad bootstrap servers,
   *     unknown property values)
   */
  public ArticlePublisher(ProducerConfig config) {
    AvroSerializer<RawArticle> valueSerializer = new AvroSerializer<>();
    valueSerializer.configure(serializerProperties(config), false);
    this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), valueSerializer);
    this.topic = config.topic();
  }

  /**
   * The producer's settings: durable and compressed by default, the producer settings among the config's extra
   * properties ({@link KafkaClientSettings#producer}: security included) over them. Registry keys are left out
   * because only the serializer reads them.
   */
  public static Map<String, Object> producerProperties(ProducerConfig config) {
    // Written as the property names operators know from the Kafka docs and pass as extra properties.
    Map<String, Object> properties = new HashMap<>();
    properties.put("bootstrap.servers", config.bootstrapServers());
    properties.put("acks", "all");
    properties.put("enable.idempotence", true);
    // One request in flight per broker. With more, the first batch to a partition the broker has just created
    // can be refused (NOT_LEADER_OR_FOLLOWER) while the next is accepted, since a broker takes any sequence
    // number from an idempotent producer it holds no state for (outside transactions v2); the first batch's
    // retry is then out of order for good and the send never completes. Seen in ArrivalOrderIT on a fresh
    // topic of 6 partitions. Batching (linger.ms) keeps the throughput a feed needs.
    properties.put("max.in.flight.requests.per.connection", 1);
    properties.put("compression.type", "zstd");
    properties.put("linger.ms", 20);
    // A run is a batch job: give up on a record after a minute rather than the default two, and do not
    // block long on a cluster that is not there.
    properties.put("delivery.timeout.ms", 60_000);
    properties.put("request.timeout.ms", 30_000);
    properties.put("max.block.ms", 30_000);
    properties.put("client.id", "newsflow-producer");
    properties.putAll(KafkaClientSettings.producer(config.extraProperties()));
    return properties;
  }

  /**
   * The serializer's settings: the registry url and the serde settings among the extra properties
   * ({@link AvroSerdeConfig#serdeSettings}: auth, TLS, auto.register ...).
   */
  public static Map<String, Object> serializerProperties(ProducerConfig config) {
    Map<String, Object> properties = AvroSerdeConfig.serdeSettings(config.extraProperties());
    properties.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
    return properties;
  }

  public String topic() {
    return topic;
  }

  @Override
  public String name() {
    return "topic " + topic;
  }

  /**
   * Sends one record without waiting for it. A record that cannot be serialized or is refused by the
   * cluster is counted as a failure.
   *
   * @throws PublishException when this or an earlier failure means no further record can be sent; its
   *     message is that failure's reason
   */
  public void publish(RawArticle article) {
    send(article, result -> { });
  }

  /**
   * Sends one record without waiting; {@code done} hears how it ended, on the producer's I/O thread or, for
   * a record refused before it left (cannot be serialized), on the caller's.
   *
   * @throws PublishException as {@link #publish(RawArticle)}
   */
  @Override
  public void send(RawArticle article, Consumer<SendResult> done) {
    Failure stop = fatal.get();
    if (stop != null) {
      throw new PublishException(stop.reason(), null);
    }
    String origin = SourceAttributes.origin(article);
    try {
      producer.send(new ProducerRecord<>(topic, article.getId(), article),
          (metadata, exception) -> {
            if (exception == null) {
              sent.incrementAndGet();
              done.accept(SendResult.ACKED);
            } else {
              done.accept(result(fail(origin, article.getId(), exception), exception));
            }
          });
    } catch (SerializationException e) {
      done.accept(result(fail(origin, article.getId(), e), e));
    } catch (KafkaException | IllegalStateException e) {
      Failure failure = fail(origin, article.getId(), e);
      done.accept(result(failure, e));
      throw new PublishException(failure.reason(), e);
    } catch (RuntimeException e) {
      // A serializer may throw its own exceptions (registry unreachable, schema refused): this record
      // fails, the next one may not.
      done.accept(result(fail(origin, article.getId(), e), e));
    }
  }

  private static SendResult result(Failure failure, Exception exception) {
    return new SendResult(isRetriable(exception) ? SendResult.Outcome.RETRIABLE : SendResult.Outcome.FAILED,
        failure);
  }

  /** A failure a later attempt may not meet: the cluster or the registry was unreachable or slow. */
  static boolean isRetriable(Throwable exception) {
    for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof RetriableException || e instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Waits until every record sent so far is acknowledged or failed. */
  @Override
  public void flush() {
    producer.flush();
  }

  /** Records the cluster acknowledged. */
  public long sent() {
    return sent.get();
  }

  /** Records that failed, in the order their failures were seen (the first thousand). */
  public List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** Flushes, then closes the producer. */
  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close(Duration.ofSeconds(30));
    }
  }

  private Failure fail(String origin, String id, Exception exception) {
    Failure failure = new Failure(origin, "send failed: " + describe(exception));
    synchronized (failures) {
      if (failures.size() < MAX_KEPT_FAILURES) {
        failures.add(failure);
      }
    }
    if (isFatal(exception)) {
      fatal.compareAndSet(null, failure);
    }
    LOG.warn("event=send_failed topic={} id={} origin=\"{}\" reason=\"{}\"", topic, id, origin,
        failure.reason());
    return failure;
  }

  private static boolean isFatal(Exception exception) {
    return exception instanceof TimeoutException
        || exception instanceof AuthenticationException
        || exception instanceof AuthorizationException;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
    }
    // Serializers wrap the real cause (registry down, schema refused); the operator needs that one.
    Throwable cause = e.getCause();
    if (cause != null && cause != e && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
      text.append(" (").append(cause.getClass().getSimpleName()).append(": ")
          .append(cause.getMessage().lines().findFirst().orElse("")).append(')');
    }
    return text.toString();
  }
}
