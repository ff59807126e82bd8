package io.newsflow.streams.api;

import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/** Counts the records of an outcome topic (news.duplicates by kind, news.dlq by stage) for /api/stats and /metrics. */
final class OutcomeCounter<V> implements Processor<String, byte[], Void, Void> {

  private final Decoder<V> decoder;
  private final Function<V, String> counterKey;
  private final Consumer<V> meter;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, Long> stats;

  OutcomeCounter(Decoder<V> decoder, Function<V, String> counterKey, Consumer<V> meter) {
    this.decoder = decoder;
    this.counterKey = counterKey;
    this.meter = meter;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.stats = context.getStateStore(OperatorApi.STATS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata where = context.recordMetadata().orElseThrow();
    V value = decoder.decode(record.value(), where.partition(), where.offset());
    if (value != null) {
      Counters.increment(stats, counterKey.apply(value));
      meter.accept(value);
    }
  }
}
