package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What duplicate detection knows of an article's text: the exact fingerprint of its clean body, a 64-bit
 * {@link SimHash} over word shingles of {@link #SIMHASH_SHINGLE} words, a {@link Sketch} over passage shingles
 * of {@link #PASSAGE_SHINGLE} words, and a hash of its title's words.
 *
 * <p>A body of fewer than {@link #MIN_WORDS} words (a price tick, a dividend notice, a headline with one line)
 * gets neither sketch: a one-word change is much of such a text, and different articles share whole short
 * texts ("Qtly div 25 cts vs 25 cts prior, Pay April 30"). Such bodies only make exact copies, and only with
 * the same title.
 *
 * @param fingerprint the body's content fingerprint (Article.fingerprint)
 * @param simhash the SimHash, 0 when the body is too short
 * @param sketch the passage sketch, empty when the body is too short
 * @param words the number of words of the body
 * @param title a hash of the title's words (lower case, no punctuation)
 */
public record Signature(String fingerprint, long simhash, long[] sketch, int words, long title) {

  public static final int SIMHASH_SHINGLE = 2;
  public static final int PASSAGE_SHINGLE = 5;
  public static final int MIN_WORDS = 30;

  public static Signature of(String title, String cleanBody, String fingerprint) {
    List<String> words = Shingles.words(cleanBody);
    long titleHash = MurmurHash3.hash64(String.join(" ", Shingles.words(title == null ? "" : title))
        .getBytes(StandardCharsets.UTF_8));
    if (words.size() < MIN_WORDS) {
      return new Signature(fingerprint, 0, new long[0], words.size(), titleHash);
    }
    return new Signature(fingerprint, SimHash.of(Shingles.of(words, SIMHASH_SHINGLE)),
        Sketch.of(Shingles.of(words, PASSAGE_SHINGLE)), words.size(), titleHash);
  }

  public static Signature of(Article article) {
    return of(article.getTitle(), article.getBody(), article.getFingerprint());
  }

  /** Whether the body is long enough for near-duplicate matching. */
  public boolean nearMatchable() {
    return words >= MIN_WORDS;
  }
}
