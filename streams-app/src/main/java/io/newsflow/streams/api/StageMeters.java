package io.newsflow.streams.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * What each stage of the pipeline put out, counted by this instance as it reads the output topics: unique
 * articles (keywords stage), duplicates by kind (the dedup stages), dead letters by stage, trend snapshots by
 * window (trends stage). Prometheus adds the instances up; exact totals across restarts are in /api/stats.
 */
final class StageMeters {

  static final String UNIQUE = "newsflow.articles.unique";
  static final String DUPLICATES = "newsflow.articles.duplicates";
  static final String DEAD_LETTERS = "newsflow.dead.letters";
  static final String SNAPSHOTS = "newsflow.trend.snapshots";
  static final String UNDECODABLE = "newsflow.api.undecodable.records";

  private final MeterRegistry registry;

  StageMeters(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front so that /metrics lists them (at zero) before the first record.
    counter(UNIQUE, "Articles that reached news.articles");
  }

  void unique() {
    counter(UNIQUE, "Articles that reached news.articles").increment();
  }

  void duplicate(String kind) {
    Counter.builder(DUPLICATES).description("Articles not counted because they repeat an earlier one")
        .tag("kind", kind).register(registry).increment();
  }

  void deadLetter(String stage) {
    Counter.builder(DEAD_LETTERS).description("Records a stage could not process")
        .tag("stage", stage).register(registry).increment();
  }

  void snapshot(Duration window) {
    Counter.builder(SNAPSHOTS).description("Trend snapshots published")
        .tag("window", window.toString()).register(registry).increment();
  }

  void undecodable(String topic) {
    Counter.builder(UNDECODABLE).description("Output-topic records the operator API could not decode")
        .tag("topic", topic).register(registry).increment();
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
