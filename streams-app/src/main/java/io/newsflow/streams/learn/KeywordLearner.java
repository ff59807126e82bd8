package io.newsflow.streams.learn;

import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.support.ZeroPadded;
import io.newsflow.streams.trends.TrendChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Learns the keyword model from every counted article (see the package comment) and publishes a version every
 * {@link ModelSettings#every} articles: the keywords in at least {@link ModelSettings#minShare} of recent
 * articles with their share, and the Korean nouns seen whole in at least {@link ModelSettings#nounMinArticles}
 * of them, plus those an operator kept and less those an operator dropped ({@code news.keyword-decisions}).
 *
 * <p>Bounded: at each version, keywords too rare to reach the minimum share before the next version and
 * candidate nouns below half an article are forgotten, and at most {@link ModelSettings#maxCandidates}
 * candidates are kept. A withdrawn article (found a duplicate after it was counted) stays learned from: the
 * model is a statistic, and the version it produced is recorded wherever it was used.
 */
public final class KeywordLearner implements Processor<String, TrendChange, String, KeywordModel> {

  public static final String NAME = "keyword-learn";
  public static final String STATE_STORE = "keyword-model-state";
  public static final String TERMS_STORE = "keyword-model-terms";
  public static final String NOUNS_STORE = "keyword-model-nouns";
  /** "first second" -> articles that wrote the pair; "second" -> articles that wrote it after any first word. */
  public static final String PAIRS_STORE = "keyword-model-pairs";
  /** The global store of news.keyword-decisions: word -> "keep" or "drop". */
  public static final String DECISIONS_STORE = "keyword-decisions";
  /** The global store of news.keyword-model: version (zero-padded) -> the model's Avro bytes. */
  public static final String MODEL_STORE = "keyword-model";
  public static final String KEEP = "keep";
  public static final String DROP = "drop";

  private static final String STATE_KEY = "state";
  /** The least share of a second word's pairings that one first word must have for the pair to be a name. */
  static final double MIN_COHESION = 0.5;
  private static final Comparator<Map.Entry<String, Double>> MOST_SEEN =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
  private static final int VERSION_WIDTH = 20;

  private final ModelSettings settings;
  private final long halfLife;
  private ProcessorContext<String, KeywordModel> context;
  private KeyValueStore<String, LearnerState> state;
  private KeyValueStore<String, Decayed> terms;
  private KeyValueStore<String, Decayed> nouns;
  private KeyValueStore<String, Decayed> pairs;
  private KeyValueStore<String, ValueAndTimestamp<String>> decisions;

  KeywordLearner(ModelSettings settings) {
    this.settings = settings;
    this.halfLife = settings.halfLife().toMillis();
  }

  /** The learner with its four stores. */
  public static ProcessorSupplier<String, TrendChange, String, KeywordModel> supplier(ModelSettings settings) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TrendChange, String, KeywordModel> get() {
        return new KeywordLearner(settings);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        // Cached: every article updates its forty or so terms and its pairs, and the state once; the cache keeps
        // a key's last value until the next commit, so a term in many articles of a commit interval is written
        // to RocksDB and its changelog once (their changelog records per article 67 -> 6 in a 60 s steady bench).
        return Set.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(),
                LearnSerdes.state()).withCachingEnabled(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TERMS_STORE), Serdes.String(),
                LearnSerdes.decayed()).withCachingEnabled(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NOUNS_STORE), Serdes.String(),
                LearnSerdes.decayed()).withCachingEnabled(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAIRS_STORE), Serdes.String(),
                LearnSerdes.decayed()).withCachingEnabled());
      }
    };
  }

  /** The key of a version on news.keyword-model: zero-padded, so that key order is version order. */
  public static String versionKey(long version) {
    return ZeroPadded.of(version, VERSION_WIDTH);
  }

  @Override
  public void init(ProcessorContext<String, KeywordModel> context) {
    this.context = context;
    this.state = context.getStateStore(STATE_STORE);
    this.terms = context.getStateStore(TERMS_STORE);
    this.nouns = context.getStateStore(NOUNS_STORE);
    this.pairs = context.getStateStore(PAIRS_STORE);
    this.decisions = context.getStateStore(DECISIONS_STORE);
  }

  @Override
  public void process(Record<String, TrendChange> record) {
    TrendChange change = record.value();
    if (change == null || change.withdraw()) {
      return;
    }
    long time = record.timestamp();
    LearnerState current = state.get(STATE_KEY);
    if (current == null) {
      current = LearnerState.INITIAL;
    }
    for (String term : change.terms()) {
      terms.put(term, orNone(terms.get(term)).plus(time, halfLife));
    }
    for (String noun : change.nouns()) {
      nouns.put(noun, orNone(nouns.get(noun)).plus(time, halfLife));
    }
    Set<String> seconds = new HashSet<>();
    for (String pair : change.pairs()) {
      pairs.put(pair, orNone(pairs.get(pair)).plus(time, halfLife));
      seconds.add(pair.substring(pair.indexOf(' ') + 1));
    }
    for (String second : seconds) {
      pairs.put(second, orNone(pairs.get(second)).plus(time, halfLife));
    }
    Decayed documents = current.documents().plus(time, halfLife);
    int since = current.sinceSnapshot() + 1;
    if (since < settings.every()) {
      state.put(STATE_KEY, new LearnerState(current.version(), documents, since));
      return;
    }
    long version = current.version() + 1;
    KeywordModel model = snapshot(version, documents);
    state.put(STATE_KEY, new LearnerState(version, documents, 0));
    context.forward(new Record<>(versionKey(version), model, documents.at()));
    if (version > settings.retainVersions()) {
      context.forward(new Record<>(versionKey(version - settings.retainVersions()), (KeywordModel) null,
          documents.at()));
    }
  }

  private static Decayed orNone(Decayed d) {
    return d == null ? Decayed.NONE : d;
  }

  /** The next version, forgetting on the way what has faded. */
  private KeywordModel snapshot(long version, Decayed documents) {
    long asOf = documents.at();
    double n = documents.value();
    Map<String, Double> shares = new HashMap<>();
    // A keyword in minShare of the articles gains minShare x every between two versions; half of that is the
    // least one still on its way to the minimum share can have.
    double forgetTerms = Math.max(0.5, settings.minShare() * settings.every() / 2);
    List<String> faded = new ArrayList<>();
    try (KeyValueIterator<String, Decayed> all = terms.all()) {
      while (all.hasNext()) {
        KeyValue<String, Decayed> entry = all.next();
        double value = entry.value.valueAt(asOf, halfLife);
        if (value < forgetTerms) {
          faded.add(entry.key);
        } else if (n >= settings.minDocuments() && value / n >= settings.minShare()) {
          shares.put(entry.key, Math.min(1, value / n));
        }
      }
    }
    faded.forEach(terms::delete);
    return new KeywordModel(version, Instant.ofEpochMilli(asOf), n, shares, learnedNouns(asOf));
  }

  private Map<String, Double> learnedNouns(long asOf) {
    List<Map.Entry<String, Double>> candidates = capped(nouns, live(nouns, asOf));
    Map<String, Double> learned = new LinkedHashMap<>();
    for (Map.Entry<String, Double> c : candidates) {
      if (learned.size() >= settings.maxNouns() || c.getValue() < settings.nounMinArticles()) {
        break;
      }
      if (!DROP.equals(decision(c.getKey()))) {
        learned.put(c.getKey(), c.getValue());
      }
    }
    learnedNames(asOf, learned);
    try (KeyValueIterator<String, ValueAndTimestamp<String>> all = decisions.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<String>> d = all.next();
        if (d.value != null && KEEP.equals(d.value.value()) && !learned.containsKey(d.key)) {
          Decayed seen = nouns.get(d.key);
          learned.put(d.key, seen == null ? 0 : seen.valueAt(asOf, halfLife));
        }
      }
    }
    return learned;
  }

  /**
   * Adds the names written with a space that the stream shows together (the pair in at least
   * {@link ModelSettings#nounMinArticles} articles, and in at least {@link #MIN_COHESION} of the articles where
   * its second word follows some keyword: 샘 알트만, not 오픈AI 최고경영자), within {@link ModelSettings#maxNouns}.
   */
  private void learnedNames(long asOf, Map<String, Double> learned) {
    Map<String, Double> seconds = new HashMap<>();
    List<Map.Entry<String, Double>> names = new ArrayList<>();
    List<Map.Entry<String, Double>> secondWords = new ArrayList<>();
    for (Map.Entry<String, Double> entry : live(pairs, asOf)) {
      if (entry.getKey().indexOf(' ') < 0) {
        seconds.put(entry.getKey(), entry.getValue());
        secondWords.add(entry);
      } else {
        names.add(entry);
      }
    }
    List<Map.Entry<String, Double>> candidates = capped(pairs, names);
    capped(pairs, secondWords);
    for (Map.Entry<String, Double> c : candidates) {
      if (learned.size() >= settings.maxNouns() || c.getValue() < settings.nounMinArticles()) {
        break;
      }
      String pair = c.getKey();
      double second = seconds.getOrDefault(pair.substring(pair.indexOf(' ') + 1), c.getValue());
      if (c.getValue() >= MIN_COHESION * second && !DROP.equals(decision(pair))) {
        learned.put(pair, c.getValue());
      }
    }
  }

  /**
   * The entries of {@code store} still worth half an article at {@code asOf}, most seen first; the others have
   * faded and are forgotten.
   */
  private List<Map.Entry<String, Double>> live(KeyValueStore<String, Decayed> store, long asOf) {
    List<Map.Entry<String, Double>> live = new ArrayList<>();
    List<String> faded = new ArrayList<>();
    try (KeyValueIterator<String, Decayed> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, Decayed> entry = all.next();
        double value = entry.value.valueAt(asOf, halfLife);
        if (value < 0.5) {
          faded.add(entry.key);
        } else {
          live.add(Map.entry(entry.key, value));
        }
      }
    }
    faded.forEach(store::delete);
    live.sort(MOST_SEEN);
    return live;
  }

  /** The first {@link ModelSettings#maxCandidates} of {@code ranked}; the rest are forgotten from {@code store}. */
  private List<Map.Entry<String, Double>> capped(KeyValueStore<String, Decayed> store,
      List<Map.Entry<String, Double>> ranked) {
    if (ranked.size() <= settings.maxCandidates()) {
      return ranked;
    }
    ranked.subList(settings.maxCandidates(), ranked.size()).forEach(e -> store.delete(e.getKey()));
    return ranked.subList(0, settings.maxCandidates());
  }

  private String decision(String word) {
    ValueAndTimestamp<String> d = decisions.get(word);
    return d == null ? null : d.value();
  }
}
