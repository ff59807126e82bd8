package io.newsflow.streams.learn;

import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.keywords.LearnedModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's statistics over a corpus read at once, without Kafka and without decay (every article counts
 * one): what the running app would have learned from a stream of these articles, under the same thresholds
 * ({@link ModelSettings}: min-share, min-documents, noun-min-articles, max-nouns). For {@code keywords-eval
 * --learn-from}, which measures what the learned model does to keyword quality. Not thread-safe.
 */
public final class OfflineLearner {

  private final ModelSettings settings;
  private final Map<String, Integer> terms = new HashMap<>();
  private final Map<String, Integer> nouns = new HashMap<>();
  private int documents;

  public OfflineLearner(ModelSettings settings) {
    this.settings = settings;
  }

  /** One article: the counting keys of its first keywords and its noun evidence, as the keywords stage sends. */
  public void add(Collection<String> articleTerms, Collection<String> articleNouns) {
    documents++;
    articleTerms.forEach(t -> terms.merge(t, 1, Integer::sum));
    articleNouns.forEach(n -> nouns.merge(n, 1, Integer::sum));
  }

  public int documents() {
    return documents;
  }

  /** The model a version published now would hold. */
  public LearnedModel model() {
    Map<String, Double> shares = new HashMap<>();
    if (documents >= settings.minDocuments()) {
      terms.forEach((term, df) -> {
        double share = (double) df / documents;
        if (share >= settings.minShare()) {
          shares.put(term, share);
        }
      });
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(nouns.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Double> learned = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : ranked) {
      if (learned.size() >= settings.maxNouns() || e.getValue() < settings.nounMinArticles()) {
        break;
      }
      learned.put(e.getKey(), (double) e.getValue());
    }
    return LearnedModel.of(new KeywordModel(1L, Instant.EPOCH, (double) documents, shares, learned));
  }
}
