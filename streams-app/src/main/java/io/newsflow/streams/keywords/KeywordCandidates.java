package io.newsflow.streams.keywords;

import io.newsflow.streams.keywords.KoreanKeywords.CandidateKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects, over a corpus of Korean articles, the words Nori does not know: candidate entries for the user
 * dictionary ({@code newsflow keyword-candidates}). A candidate is a word that keyword extraction had to join
 * from several Nori tokens (딥 + 시크), a word Nori misread with a particle or verb inside it so that the keyword
 * lost a part (마이크 + 로 + 소프트), or a token of Nori's unknown-word handling. Words already in the user
 * dictionary are not candidates, nor are compounds of common nouns Nori knows (개인정보), which the joining keeps
 * whole anyway. Not thread-safe.
 */
public final class KeywordCandidates implements AutoCloseable {

  /**
   * One candidate entry.
   *
   * @param word the word as written (NFKC), a line of the user dictionary
   * @param occurrences how often it occurs in the articles read
   * @param articles in how many of them
   * @param kind "joined", "split" or "unknown" (see the class comment)
   * @param reading how Nori read it, e.g. "딥/NNG 시크/NNG"
   */
  public record Candidate(String word, int occurrences, int articles, String kind, String reading) {

    /** The entry as a line of a Nori user dictionary, with counts and Nori's reading as a comment. */
    public String dictionaryLine() {
      return word + "\t# " + occurrences + (occurrences == 1 ? " time in " : " times in ") + articles
          + (articles == 1 ? " article" : " articles") + ", " + kind + ", Nori: " + reading;
    }
  }

  private static final class Count {
    final String kind;
    final String reading;
    int occurrences;
    int articles;

    Count(String kind, String reading) {
      this.kind = kind;
      this.reading = reading;
    }
  }

  private final KeywordExtractor extractor;
  private final Map<String, Count> counts = new HashMap<>();
  private final Set<String> inArticle = new HashSet<>();
  private int articles;

  public KeywordCandidates(KeywordConfig config) {
    this.extractor = new KeywordExtractor(config);
    extractor.reportKoreanCandidatesTo(this::candidate);
  }

  /** Reads one Korean article. */
  public void add(String title, String body) {
    inArticle.clear();
    extractor.extract(title, body, "ko");
    articles++;
  }

  private void candidate(String word, CandidateKind kind, String reading) {
    Count count = counts.computeIfAbsent(word, w -> new Count(kind.name().toLowerCase(Locale.ROOT),
        reading));
    count.occurrences++;
    if (inArticle.add(word)) {
      count.articles++;
    }
  }

  /** Articles read so far. */
  public int articles() {
    return articles;
  }

  /**
   * The candidates that occur at least {@code minOccurrences} times, most frequent first (then in more
   * articles, then by word).
   */
  public List<Candidate> ranked(int minOccurrences) {
    List<Candidate> out = new ArrayList<>();
    counts.forEach((word, c) -> {
      if (c.occurrences >= minOccurrences) {
        out.add(new Candidate(word, c.occurrences, c.articles, c.kind, c.reading));
      }
    });
    out.sort(Comparator.comparingInt(Candidate::occurrences).reversed()
        .thenComparing(Comparator.comparingInt(Candidate::articles).reversed())
        .thenComparing(Candidate::word));
    return out;
  }

  @Override
  public void close() {
    extractor.close();
  }
}
