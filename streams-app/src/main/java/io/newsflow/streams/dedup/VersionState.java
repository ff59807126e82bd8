package io.newsflow.streams.dedup;

import io.newsflow.avro.DuplicateKind;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an item's resolver keeps of one version: its identity and times, which match keys have reported on
 * it, the article while it may still be published, and the notice last sent about it. Mutable: it lives in
 * the resolver's store as part of {@link ItemState}.
 */
public final class VersionState {

  public String handle;
  public String id;
  public long eventTime;
  /** updatedAt, or null when the source gave none. */
  public Long updatedAt;
  /** updatedAt, else publishedAt: the order of versions within an item. */
  public long versionTime;
  public String fingerprint;
  /** The keys the version was indexed under; null until the version itself has arrived. */
  public List<String> expectedKeys;
  public TreeSet<String> reportedKeys = new TreeSet<>();
  /** The article in newsflow's Avro wire format; dropped once it can no longer be the one published. */
  public byte[] article;
  /** How many more times the same version arrived, not yet reported. */
  public int resends;
  public Notice notice;

  /** Whether the version and every report on it have arrived. */
  public boolean complete() {
    return expectedKeys != null && reportedKeys.containsAll(expectedKeys);
  }

  /**
   * A notice as the resolver sent it, to tell whether a new one is needed.
   *
   * @param duplicateOf the id it names
   * @param kind its kind
   * @param distance its distance, or null
   */
  public record Notice(String duplicateOf, DuplicateKind kind, Integer distance) {

    public boolean sameAs(Notice other) {
      return other != null && duplicateOf.equals(other.duplicateOf) && kind == other.kind
          && Objects.equals(distance, other.distance);
    }
  }
}
