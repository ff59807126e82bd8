package io.newsflow.streams.verify;

import io.newsflow.avro.DuplicateKind;
import java.util.Map;
import java.util.Objects;

/**
 * What the pipeline's output comes to once every article has been processed: the last duplicate notice per id
 * (what a compacted news.duplicates keeps) and, per window of news.trends ({@code PT1H/2025-02-24T08:00:00Z}),
 * the number of counted articles per keyword key. The oracle knows every keyword's count; the pipeline
 * publishes only each window's top N, so only those are compared.
 *
 * @param notices the final notice per duplicate id
 * @param counts per snapshot key, keyword key to article count
 */
public record PipelineResult(Map<String, Notice> notices, Map<String, Map<String, Long>> counts) {

  /** A duplicate notice as compared: whose copy, what kind, at what distance (null unless NEAR). */
  public record Notice(String duplicateOf, DuplicateKind kind, Integer distance) {

    @Override
    public String toString() {
      return kind + " of " + duplicateOf + (distance == null ? "" : " distance=" + distance);
    }

    /** Equal notices, a missing distance and a zero one told apart only for NEAR. */
    public boolean sameAs(Notice other) {
      return other != null && duplicateOf.equals(other.duplicateOf) && kind == other.kind
          && Objects.equals(distance, other.distance);
    }
  }
}
