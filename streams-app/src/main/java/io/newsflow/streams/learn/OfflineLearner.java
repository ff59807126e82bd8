package io.newsflow.streams.learn;

import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.keywords.LearnedModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private final Map<String, Integer> pairs = new HashMap<>();
  private final Map<String, Integer> seconds = new HashMap<>();
  private int documents;

  public OfflineLearner(ModelSettings settings) {
    this.settings = settings;
  }

  /** One article: the counting keys of its first keywords and its noun evidence, as the keywords stage sends. */
  public void add(Collection<String> articleTerms, Collection<String> articleNouns) {
    add(articleTerms, articleNouns, List.of());
  }

  /** As {@link #add(Collection, Collection)}, with the article's keyword pairs ("샘 알트만"). */
  public void add(Collection<String> articleTerms, Collection<String> articleNouns, Collection<String> articlePairs) {
    documents++;
    articleTerms.forEach(t -> terms.merge(t, 1, Integer::sum));
    articleNouns.forEach(n -> nouns.merge(n, 1, Integer::sum));
    Set<String> secondWords = new HashSet<>();
    for (String pair : articlePairs) {
      pairs.merge(pair, 1, Integer::sum);
      secondWords.add(pair.substring(pair.indexOf(' ') + 1));
    }
    secondWords.forEach(w -> seconds.merge(w, 1, Integer::sum));
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
    List<Map.Entry<String, Integer>> names = new ArrayList<>(pairs.entrySet());
    names.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Integer> e : names) {
      if (learned.size() >= settings.maxNouns() || e.getValue() < settings.nounMinArticles()) {
        break;
      }
      int second = seconds.get(e.getKey().substring(e.getKey().indexOf(' ') + 1));
      if (e.getValue() >= KeywordLearner.MIN_COHESION * second) {
        learned.put(e.getKey(), (double) e.getValue());
      }
    }
    return LearnedModel.of(new KeywordModel(1L, Instant.EPOCH, (double) documents, shares, learned));
  }
}
