package io.newsflow.streams.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.newsflow.streams.api.Views.LagView;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The consumer group's lag on /metrics, in total and per topic, from {@link ConsumerLag}'s cached answer. The
 * per-topic series are set by {@link #refresh()} before a scrape rather than read during it: the topics (the
 * repartition topics among them) are known only once the group has committed, and meters must not be added while
 * the registry is being scraped. When the cluster does not answer, the series are NaN/absent rather than stale.
 */
final class LagMeters {

  static final String TOTAL = "newsflow.consumer.lag.all.topics";
  static final String BY_TOPIC = "newsflow.consumer.lag";

  private final ConsumerLag lag;
  private final MultiGauge byTopic;
  private final AtomicReference<LagView> last = new AtomicReference<>();

  LagMeters(MeterRegistry registry, ConsumerLag lag) {
    this.lag = lag;
    this.byTopic = MultiGauge.builder(BY_TOPIC).description("Records the app's consumer group has yet to read, by topic")
        .baseUnit("records").register(registry);
    Gauge.builder(TOTAL, last, l -> l.get() == null ? Double.NaN : l.get().total())
        .description("Records the app's consumer group has yet to read, over all its topics")
        .baseUnit("records").register(registry);
  }

  /** Reads the lag (from the cache while it is fresh) into the gauges. */
  void refresh() {
    LagView now = lag.now();
    last.set(now);
    List<MultiGauge.Row<?>> rows = now == null ? List.of() : now.byTopic().entrySet().stream()
        .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue()))
        .toList();
    byTopic.register(rows, true);
  }
}
