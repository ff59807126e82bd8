package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hashes and sketches near-duplicate detection stands on. */
class HashingTest {

  /** Reference values: Guava's Hashing.murmur3_128().hashBytes(utf8).asLong(), printed once. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a | 85555565f6597889",
      "hello | cbd8a7b341bd9b02",
      "The quick brown fox jumps over the lazy dog | e34bbc7bbc071b6c",
      "딥시크 충격에 | 7f6104b09cfc4771",
      "0123456789abcdef | 4be06d94cf4ad1a7",
      "0123456789abcdefg | 8e32612daa45f9de",
  })
  void murmurHash3MatchesTheReferenceImplementation(String text, String hex) {
    assertThat(MurmurHash3.hash64(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Long.parseUnsignedLong(hex, 16));
  }

  @Test
  void pairsWithinThreeBitsAlwaysShareABand() {
    Random random = new Random(3);
    for (int trial = 0; trial < 10_000; trial++) {
      long a = random.nextLong();
      long b = a;
      for (int flips = random.nextInt(4); flips > 0; flips--) {
        b ^= 1L << random.nextInt(64);
      }
      int shared = 0;
      for (int band = 0; band < SimHash.BANDS; band++) {
        shared += SimHash.band(a, band) == SimHash.band(b, band) ? 1 : 0;
      }
      assertThat(shared).isPositive();
    }
  }

  @Test
  void simHashOfSimilarTextsIsCloseAndOfUnrelatedTextsFar() {
    List<String> words = Shingles.words("the committee approved the budget on monday after a long debate about "
        + "schools roads and hospitals in the northern provinces while the opposition walked out in protest");
    List<String> edited = new java.util.ArrayList<>(words);
    edited.set(10, "argument");
    List<String> other = Shingles.words("rain fell across the south for a third day flooding fields and closing "
        + "roads as rivers burst their banks near the coast and families left their homes for higher ground");

    long sketch = SimHash.of(Shingles.of(words, 2));
    assertThat(SimHash.distance(sketch, SimHash.of(Shingles.of(edited, 2)))).isLessThan(16);
    assertThat(SimHash.distance(sketch, SimHash.of(Shingles.of(other, 2)))).isGreaterThan(16);
    assertThat(SimHash.of(Set.of())).isZero();
  }

  @Test
  void wordsIgnorePunctuationSpacingAndCase() {
    assertThat(Shingles.words("  딥시크가, AI를!\n  'GPT-4.5' 공개  ")).containsExactly("딥시크가", "ai를", "gpt", "4", "5", "공개");
    assertThat(Shingles.of(List.of("a", "b", "c"), 2)).containsExactly("a b", "b c");
    assertThat(Shingles.of(List.of("a"), 2)).containsExactly("a");
  }

  @Test
  void sketchEstimatesAreExactForShortTexts() {
    long[] a = Sketch.of(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
    long[] b = Sketch.of(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20"));
    long[] c = Sketch.of(Set.of("x", "y", "z"));

    assertThat(Sketch.containment(a, b)).isEqualTo(1.0);
    assertThat(Sketch.resemblance(a, b)).isEqualTo(0.5);
    assertThat(Sketch.containment(a, c)).isZero();
    assertThat(Sketch.resemblance(a, a)).isEqualTo(1.0);
  }

  @Test
  void sketchKeepsTheSmallestHashesAscending() {
    Set<String> many = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      many.add("shingle " + i);
    }
    long[] sketch = Sketch.of(many);

    assertThat(sketch).hasSize(Sketch.SIZE).isSorted();
  }
}
