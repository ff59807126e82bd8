package io.newsflow.streams.keywords;

import io.newsflow.avro.KeywordModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One version of what the app learned from its own stream ({@code news.keyword-model}), as extraction uses it:
 * how many recent articles have each frequent keyword, and which Korean nouns Nori cuts but the stream shows to
 * be whole. Immutable, shared by every extractor of the process.
 *
 * <p>A keyword's score is multiplied by {@link #weight}: 1 - its share of recent articles, so a word in every
 * article this week stops being a keyword of every article, while the story of the day (in a tenth of them)
 * keeps nine tenths of its weight. The weight is never below {@link #MIN_WEIGHT}, so such words keep their order
 * among themselves.
 */
public final class LearnedModel {

  /** Extraction with the shipped models alone. */
  public static final LearnedModel NONE = new LearnedModel(null, Map.of(), Set.of());

  static final double MIN_WEIGHT = 0.05;

  private final Long version;
  private final Map<String, Double> shares;
  private final Set<String> nouns;
  private final Map<String, Set<String>> namesByFirstWord;

  LearnedModel(Long version, Map<String, Double> shares, Set<String> nouns) {
    this.version = version;
    this.shares = Map.copyOf(shares);
    this.nouns = Set.copyOf(nouns);
    Map<String, Set<String>> names = new HashMap<>();
    for (String noun : nouns) {
      int space = noun.indexOf(' ');
      if (space > 0) {
        names.computeIfAbsent(noun.substring(0, space), w -> new HashSet<>()).add(noun.substring(space + 1));
      }
    }
    names.replaceAll((first, seconds) -> Set.copyOf(seconds));
    this.namesByFirstWord = Map.copyOf(names);
  }

  /** The model of a {@code news.keyword-model} record. */
  public static LearnedModel of(KeywordModel record) {
    Map<String, Double> shares = new HashMap<>(2 * record.getShares().size());
    record.getShares().forEach((key, share) -> shares.put(key.toString(), share));
    Set<String> nouns = new HashSet<>();
    record.getNouns().keySet().forEach(noun -> nouns.add(noun.toString()));
    return new LearnedModel(record.getVersion(), shares, nouns);
  }

  /** The version extraction records on the article (Article.keywordModel); null for {@link #NONE}. */
  public Long version() {
    return version;
  }

  /** What a keyword's score is multiplied by: 1 - its share of recent articles, at least {@link #MIN_WEIGHT}. */
  public double weight(String key) {
    Double share = shares.get(key);
    return share == null ? 1 : Math.max(MIN_WEIGHT, 1 - share);
  }

  /** The Korean nouns extraction keeps whole although Nori cuts them, and the names written with a space. */
  public Set<String> nouns() {
    return nouns;
  }

  /**
   * The learned names written with a space (샘 알트만, 솔라 오픈), by first word: {@code 샘 -> {알트만}}. Extraction
   * joins a keyword with the next word's noun when the pair is here.
   */
  public Map<String, Set<String>> namesByFirstWord() {
    return namesByFirstWord;
  }

  @Override
  public String toString() {
    return "LearnedModel[version=" + version + ", shares=" + shares.size() + ", nouns=" + nouns.size() + "]";
  }
}
