package io.newsflow.streams.keywords;

import java.text.Normalizer;
import java.util.Locale;

/** The counting key of a keyword: its display forms ("AI", "ai", "ＡＩ") all count as one. */
public final class Keywords {

  private Keywords() {}

  public static String key(String display) {
    return Normalizer.normalize(display, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
