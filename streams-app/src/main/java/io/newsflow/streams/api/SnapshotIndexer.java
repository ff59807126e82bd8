package io.newsflow.streams.api;

import io.newsflow.avro.TrendSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest snapshot of every trend window, keyed by window size and start (both read from the snapshot
 * itself, whatever key news.trends uses), and forgets windows that start more than the history retention
 * before the newest window of their size.
 */
final class SnapshotIndexer implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotIndexer.class);

  private final Decoder<TrendSnapshot> decoder;
  private final StageMeters meters;
  private final Duration history;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, TrendSnapshot> snapshots;

  SnapshotIndexer(Decoder<TrendSnapshot> decoder, StageMeters meters, Duration history) {
    this.decoder = decoder;
    this.meters = meters;
    this.history = history;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.snapshots = context.getStateStore(OperatorApi.SNAPSHOTS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata where = context.recordMetadata().orElseThrow();
    TrendSnapshot snapshot = decoder.decode(record.value(), where.partition(), where.offset());
    if (snapshot == null) {
      return;
    }
    Instant start = snapshot.getWindowStart();
    Duration size = Duration.between(start, snapshot.getWindowEnd());
    if (size.isNegative() || size.isZero()) {
      LOG.warn("event=snapshot-skipped reason=empty-window windowStart={} windowEnd={} offset={}", start,
          snapshot.getWindowEnd(), where.offset());
      return;
    }
    snapshots.put(StoreKeys.snapshot(size, start), snapshot);
    meters.snapshot(size);
    forgetBefore(size, start.minus(history));
  }

  private void forgetBefore(Duration size, Instant oldestKept) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, TrendSnapshot> it =
        snapshots.range(StoreKeys.firstSnapshot(size), StoreKeys.snapshot(size, oldestKept))) {
      it.forEachRemaining(kv -> old.add(kv.key));
    }
    // range() includes its upper bound: the window starting exactly at oldestKept stays.
    old.remove(StoreKeys.snapshot(size, oldestKept));
    old.forEach(snapshots::delete);
  }
}
