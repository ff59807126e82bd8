package io.newsflow.streams.verify;

import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.keywords.LearnedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which version of the learned keyword model each published article was extracted with (news.articles'
 * {@code keywordModel}), and those versions (news.keyword-model): what the oracle needs to replay the keywords
 * stage exactly, since which version an article meets depends on timing.
 *
 * @param versionOf article id to the version its keywords record (absent: none)
 * @param models the versions still on news.keyword-model
 */
public record ModelHistory(Map<String, Long> versionOf, Map<Long, KeywordModel> models) {

  /** No learned model at all: every article with the shipped models alone. */
  public static final ModelHistory NONE = new ModelHistory(Map.of(), Map.of());

  public ModelHistory {
    versionOf = Map.copyOf(versionOf);
    models = Map.copyOf(models);
  }

  /** The version {@code articleId} was extracted with, null for none. */
  public Long versionOf(String articleId) {
    return versionOf.get(articleId);
  }

  /** The model of {@code version}; {@link LearnedModel#NONE} for null. */
  public LearnedModel model(Long version) {
    if (version == null) {
      return LearnedModel.NONE;
    }
    KeywordModel model = models.get(version);
    if (model == null) {
      throw new IllegalStateException("keyword model version " + version + " is not on news.keyword-model");
    }
    return LearnedModel.of(model);
  }

  /**
   * What is wrong with the history itself: a version an article used that the topic lacks, or versions that
   * are not 1, 2, 3 ... without gaps (a learner that lost or repeated state would publish a number twice or
   * skip one). Versions the learner deleted as too old are expected to be missing below the oldest kept.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    TreeMap<Long, KeywordModel> sorted = new TreeMap<>(models);
    if (!sorted.isEmpty()) {
      long expected = sorted.firstKey();
      for (Map.Entry<Long, KeywordModel> entry : sorted.entrySet()) {
        if (entry.getKey() != expected) {
          out.add("keyword model: version " + expected + " missing before " + entry.getKey());
          expected = entry.getKey();
        }
        if (entry.getValue().getVersion() != entry.getKey()) {
          out.add("keyword model: key " + entry.getKey() + " holds version " + entry.getValue().getVersion());
        }
        expected++;
      }
    }
    versionOf.forEach((id, version) -> {
      if (!models.containsKey(version)) {
        out.add("article " + id + ": keyword model version " + version + " is not on news.keyword-model");
      }
    });
    return out;
  }
}
