package io.newsflow.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Charikar's SimHash: a 64-bit sketch of a set of features (here word shingles) such that similar sets get
 * sketches that differ in few bits. Each feature is hashed to 64 bits ({@link MurmurHash3}); bit i of the
 * sketch is 1 when more features have bit i set than not. The Hamming distance between two sketches grows
 * with the angle between the feature sets: replacing 1% of the features flips about 3 of 64 bits on average,
 * unrelated texts differ in about 32.
 */
public final class SimHash {

  /** Bands of the index: a pair within 3 bits agrees exactly on at least one of 4 bands (pigeonhole). */
  public static final int BANDS = 4;
  public static final int BAND_BITS = 64 / BANDS;

  private SimHash() {
  }

  /** The sketch of the features; 0 for none. */
  public static long of(Collection<String> features) {
    int[] votes = new int[64];
    for (String feature : features) {
      long hash = MurmurHash3.hash64(feature.getBytes(StandardCharsets.UTF_8));
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long sketch = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        sketch |= 1L << bit;
      }
    }
    return sketch;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Band {@code index} (0 = lowest bits) of a sketch, as an unsigned 16-bit value. */
  public static int band(long sketch, int index) {
    return (int) ((sketch >>> (index * BAND_BITS)) & 0xffff);
  }
}
