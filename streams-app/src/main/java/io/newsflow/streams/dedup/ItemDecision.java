package io.newsflow.streams.dedup;

import io.newsflow.avro.DuplicateKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict on an item, a pure function of what its resolver knows (its versions and the other items they
 * match), so that it comes out the same whatever order that knowledge arrived in.
 *
 * <p>Within the item, versions are ordered by version time (updatedAt, else publishedAt), then event time,
 * then handle. The first is the root. A later version is a REVISION when it has an updatedAt later than every
 * version before it and a text none of them had; the last revision (else the root) is the current version,
 * the one published and counted. Any other later version repeats the item: EXACT_URL when the item is a URL,
 * else EXACT_CONTENT for the same text and REVISION for an outdated one.
 *
 * <p>Across items, the item comes at its earliest version's event time (then item key). It is counted unless
 * it matches an item that comes before it; then its root is a duplicate of the earliest such item.
 */
public final class ItemDecision {

  private static final Comparator<VersionState> VERSION_ORDER = Comparator
      .comparingLong((VersionState v) -> v.versionTime)
      .thenComparingLong(v -> v.eventTime)
      .thenComparing(v -> v.handle);

  private ItemDecision() {
  }

  /**
   * The verdict.
   *
   * @param root the first version
   * @param current the version that is published and counted
   * @param revision the current version's revision number (0 for the root)
   * @param duplicateOf the earliest earlier item it matches, or null when it is counted
   * @param notices the notice each version should have, by handle; none for a counted root
   */
  public record Verdict(VersionState root, VersionState current, int revision, Match duplicateOf,
      Map<String, VersionState.Notice> notices) {

    public boolean counted() {
      return duplicateOf == null;
    }
  }

  /** The verdict on a settled item (every version complete). */
  public static Verdict decide(ItemState state) {
    List<VersionState> versions = new ArrayList<>(state.versions.values());
    versions.sort(VERSION_ORDER);
    VersionState root = versions.get(0);
    boolean hasUrl = state.item.startsWith("url:");
    Map<String, VersionState.Notice> notices = new HashMap<>();
    Set<String> texts = new HashSet<>();
    texts.add(root.fingerprint);
    long latest = root.versionTime;
    VersionState current = root;
    int revision = 0;
    long itemTime = root.eventTime;
    for (VersionState version : versions.subList(1, versions.size())) {
      itemTime = Math.min(itemTime, version.eventTime);
      DuplicateKind kind;
      if (version.updatedAt != null && version.updatedAt > latest && !texts.contains(version.fingerprint)) {
        kind = DuplicateKind.REVISION;
        current = version;
        revision++;
      } else if (hasUrl) {
        kind = DuplicateKind.EXACT_URL;
      } else {
        kind = texts.contains(version.fingerprint) ? DuplicateKind.EXACT_CONTENT : DuplicateKind.REVISION;
      }
      notices.put(version.handle, new VersionState.Notice(root.id, kind, null));
      texts.add(version.fingerprint);
      latest = Math.max(latest, version.versionTime);
    }
    Match duplicateOf = null;
    for (Match match : state.matches.values()) {
      if (match.isBefore(itemTime, state.item)
          && (duplicateOf == null || match.isBefore(duplicateOf.eventTime(), duplicateOf.item()))) {
        duplicateOf = match;
      }
    }
    if (duplicateOf != null) {
      notices.put(root.handle, new VersionState.Notice(duplicateOf.id(), duplicateOf.kind(),
          duplicateOf.kind() == DuplicateKind.NEAR ? duplicateOf.distance() : null));
    }
    return new Verdict(root, current, revision, duplicateOf, notices);
  }
}
