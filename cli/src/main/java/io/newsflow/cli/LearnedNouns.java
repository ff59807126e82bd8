package io.newsflow.cli;

import io.newsflow.avro.KeywordModel;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.learn.KeywordLearner;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.verify.PipelineOutput;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The nouns the running app learned, read from its topics (the latest version on news.keyword-model, the
 * decisions on news.keyword-decisions), and the operator's decisions written back. What every instance of the
 * app uses is on those topics, so any machine that reaches the cluster lists and decides.
 */
final class LearnedNouns {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String CLIENT_ID = "newsflow-keyword-candidates";

  private final TopicNames topics;
  private final Map<String, String> config;
  private final OutputReaders readers;

  LearnedNouns(Map<String, String> config) {
    this.topics = StreamsSettings.from(config).topics();
    this.config = Map.copyOf(config);
    this.readers = OutputReaders.of(config, CLIENT_ID);
  }

  /** Writes keep, drop and forget (tombstone) decisions; each word NFKC, as extraction sees it. */
  void decide(List<String> keep, List<String> drop, List<String> forget) throws InterruptedException {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    keep.forEach(w -> records.add(new ProducerRecord<>(topics.keywordDecisions(), nfkc(w), KeywordLearner.KEEP)));
    drop.forEach(w -> records.add(new ProducerRecord<>(topics.keywordDecisions(), nfkc(w), KeywordLearner.DROP)));
    forget.forEach(w -> records.add(new ProducerRecord<>(topics.keywordDecisions(), nfkc(w), null)));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig(config), new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : records) {
        producer.send(record).get();
        System.out.printf("%s %s%n", record.value() == null ? "forget" : record.value(), record.key());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topics.keywordDecisions() + ": "
          + e.getCause().getMessage(), e.getCause());
    }
    System.out.println("# The app applies decisions from its next keyword model version on.");
  }

  /** Prints the latest version's nouns, most seen first, with the operators' decisions. */
  void print(int top) {
    Map<Long, KeywordModel> models = PipelineOutput.readKeywordModels(readers.clients(), readers.serde(), topics,
        TIMEOUT);
    Map<String, String> decisions = PipelineOutput.readKeywordDecisions(readers.clients(), topics, TIMEOUT);
    if (models.isEmpty()) {
      System.out.printf("# %s holds no keyword model yet: the app publishes one every"
          + " newsflow.keywords.model.every counted articles.%n", topics.keywordModel());
    } else {
      KeywordModel latest = models.get(Collections.max(models.keySet()));
      System.out.printf("# keyword model version %d as of %s: %.0f articles (decayed), %d nouns, %d frequent"
          + " keywords weighed down%n", latest.getVersion(), latest.getAsOf(), latest.getDocuments(),
          latest.getNouns().size(), latest.getShares().size());
      latest.getNouns().entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(top)
          .forEach(e -> System.out.printf("%s\t# seen whole in %.1f articles%s%n", e.getKey(), e.getValue(),
              KeywordLearner.KEEP.equals(decisions.get(e.getKey())) ? ", kept" : ""));
    }
    decisions.forEach((word, decision) -> System.out.printf("# decision: %s %s%n", decision, word));
  }

  /** The producer settings of {@code config}; a decision is written durably or reported as failed. */
  static Map<String, Object> producerConfig(Map<String, String> config) {
    Map<String, Object> producer = KafkaClientSettings.producer(config);
    producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    return producer;
  }

  private static String nfkc(String word) {
    return Normalizer.normalize(word.strip(), Normalizer.Form.NFKC);
  }
}
