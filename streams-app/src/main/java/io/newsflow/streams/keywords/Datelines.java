package io.newsflow.streams.keywords;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the dateline a wire story opens with ("NEW YORK (Reuters) -", "LONDON, March 3 -",
 * "SEOUL, Jan. 5 (Yonhap) --"): its place is where the story was filed, not what it is about, and its capitals
 * would read as a name (YORK).
 */
final class Datelines {

  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*\\p{Lu}[\\p{Lu} .'-]{1,40}"                       // NEW YORK, WASHINGTON, ST. LOUIS
          + "(,\\s*\\p{Lu}[\\p{L}. ]{1,20})?"                  // , Calif. / , England
          + "(,?\\s*\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2})?"     // , March 3 / Jan. 5
          + "\\s*(\\([^)\\n]{1,40}\\))?"                       // (Reuters), (AP)
          + "\\s*(--|[-\u2013\u2014])\\s+");

  private Datelines() {
  }

  /** The text without its opening dateline; the text itself when it has none. */
  static String strip(String body) {
    Matcher m = DATELINE.matcher(body);
    if (!m.lookingAt()) {
      return body;
    }
    String head = m.group().strip();
    // A headline-like sentence in capitals ("BREAKING - ...") has no lower-case letter either; a dateline is short.
    return head.length() <= 60 ? body.substring(m.end()) : body;
  }
}
