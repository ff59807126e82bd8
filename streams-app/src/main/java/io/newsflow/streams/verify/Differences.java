package io.newsflow.streams.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the pipeline's output differs from the oracle's: one line per id whose final notice differs (or that
 * has one on a single side), per window that only one side has, and per published keyword whose count differs.
 */
public final class Differences {

  private Differences() {
  }

  public static List<String> between(PipelineResult expected, PipelineResult observed) {
    List<String> out = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(expected.notices().keySet());
    ids.addAll(observed.notices().keySet());
    for (String id : ids) {
      PipelineResult.Notice want = expected.notices().get(id);
      PipelineResult.Notice got = observed.notices().get(id);
      if (want == null) {
        out.add("notice " + id + ": pipeline " + got + ", oracle: counted, no notice");
      } else if (got == null) {
        out.add("notice " + id + ": pipeline: no notice, oracle " + want);
      } else if (!want.sameAs(got)) {
        out.add("notice " + id + ": pipeline " + got + ", oracle " + want);
      }
    }
    TreeSet<String> windows = new TreeSet<>(expected.counts().keySet());
    windows.addAll(observed.counts().keySet());
    for (String window : windows) {
      Map<String, Long> want = nonEmpty(expected.counts().get(window));
      Map<String, Long> got = nonEmpty(observed.counts().get(window));
      if (want == null && got == null) {
        // A window whose only articles were withdrawn (copies counted before their original came) is empty.
        continue;
      }
      if (want == null) {
        out.add("window " + window + ": in the pipeline only (" + got.size() + " keywords)");
      } else if (got == null) {
        out.add("window " + window + ": no snapshot from the pipeline (the oracle counts " + want.size()
            + " keywords)");
      } else {
        for (Map.Entry<String, Long> entry : new TreeMap<>(got).entrySet()) {
          long count = want.getOrDefault(entry.getKey(), 0L);
          if (count != entry.getValue()) {
            out.add("count " + window + " " + entry.getKey() + ": pipeline " + entry.getValue() + ", oracle "
                + count);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Long> nonEmpty(Map<String, Long> counts) {
    return counts == null || counts.isEmpty() ? null : counts;
  }
}
