package io.newsflow.streams.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which an article version is indexed, so that every pair that may be duplicates shares at
 * least one key and meets in the task that owns it, whatever the number of partitions: its fingerprint
 * (exact copies), the 4 bands of 16 bits of its SimHash (a pair within 3 bits agrees on at least one band:
 * pigeonhole), and the {@link #PASSAGE_KEYS} smallest hashes of its passage sketch (a pair that shares most of
 * its text shares some of its smallest hashes).
 */
public final class MatchKeys {

  public static final int PASSAGE_KEYS = 8;
  static final String FINGERPRINT = "f:";
  static final String PASSAGE = "p:";

  private MatchKeys() {
  }

  public static List<String> of(Signature signature) {
    List<String> keys = new ArrayList<>();
    keys.add(FINGERPRINT + signature.fingerprint());
    if (signature.nearMatchable()) {
      for (int band = 0; band < SimHash.BANDS; band++) {
        keys.add("b" + band + ":" + Integer.toHexString(SimHash.band(signature.simhash(), band)));
      }
      long[] sketch = signature.sketch();
      for (int i = 0; i < Math.min(PASSAGE_KEYS, sketch.length); i++) {
        keys.add(PASSAGE + Long.toHexString(sketch[i]));
      }
    }
    return keys;
  }

  /** Whether members under this key carry their sketch. */
  public static boolean isPassage(String key) {
    return key.startsWith(PASSAGE);
  }
}
