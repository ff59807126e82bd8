package io.newsflow.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A bottom-k MinHash sketch of a text's passage shingles: the {@link #SIZE} smallest 64-bit hashes of its
 * distinct shingles, ascending. Two sketches estimate how much text two articles share: the resemblance
 * (Jaccard index of the shingle sets) and the containment of one in the other, which stays near 1 when a
 * copy only drops a paragraph, however long, while two articles that share a quote or a press-release
 * paragraph stay well below it. A text with fewer than {@link #SIZE} shingles keeps them all, so its
 * estimates are exact.
 */
public final class Sketch {

  public static final int SIZE = 64;
  /** Containment is only estimated from at least this many hashes; fewer say too little. */
  static final int MIN_SAMPLE = 8;

  private Sketch() {
  }

  public static long[] of(Collection<String> shingles) {
    TreeSet<Long> smallest = new TreeSet<>();
    for (String shingle : shingles) {
      long hash = MurmurHash3.hash64(shingle.getBytes(StandardCharsets.UTF_8));
      // Once the sketch is full, most hashes are above its largest and would only be added to be dropped again.
      if (smallest.size() == SIZE && hash >= smallest.last()) {
        continue;
      }
      smallest.add(hash);
      if (smallest.size() > SIZE) {
        smallest.pollLast();
      }
    }
    return smallest.stream().mapToLong(Long::longValue).toArray();
  }

  /** Estimated Jaccard index: the share of the union's smallest hashes that both sketches hold. */
  public static double resemblance(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int taken = 0;
    int both = 0;
    int k = Math.min(SIZE, union(a, b));
    while (taken < k) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        i++;
      } else if (i >= a.length || b[j] < a[i]) {
        j++;
      } else {
        both++;
        i++;
        j++;
      }
      taken++;
    }
    return k == 0 ? 0 : both / (double) k;
  }

  /**
   * Estimated containment of the smaller text in the larger (the larger of the two directions): of one
   * sketch's hashes that fall in the range the other sketch covers completely, the share it also holds.
   */
  public static double containment(long[] a, long[] b) {
    return Math.max(containedIn(a, b), containedIn(b, a));
  }

  private static double containedIn(long[] a, long[] b) {
    // Below b's largest hash, b's sketch is all of b; a full sketch covers nothing beyond it.
    long limit = b.length < SIZE ? Long.MAX_VALUE : b[b.length - 1];
    int sampled = 0;
    int held = 0;
    for (long hash : a) {
      if (hash > limit) {
        break;
      }
      sampled++;
      if (Arrays.binarySearch(b, hash) >= 0) {
        held++;
      }
    }
    return sampled < MIN_SAMPLE && sampled < a.length ? 0 : held / (double) Math.max(1, sampled);
  }

  private static int union(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        i++;
      } else if (i >= a.length || b[j] < a[i]) {
        j++;
      } else {
        i++;
        j++;
      }
      n++;
    }
    return n;
  }
}
