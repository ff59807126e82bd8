package io.newsflow.streams.dedup;

import io.newsflow.avro.DuplicateKind;

/**
 * The other side of a duplicate pair, as one article's item learns of it: the other item and version, when
 * it happened, and how they relate.
 *
 * @param item the other article's item
 * @param id the other article's id
 * @param handle the other article's version handle
 * @param eventTime the other version's event time
 * @param kind EXACT_CONTENT or NEAR
 * @param distance the SimHash distance (0 for exact content)
 */
public record Match(String item, String id, String handle, long eventTime, DuplicateKind kind, int distance) {

  public static Match of(Member other, NearRules.Relation relation) {
    return new Match(other.item(), other.id(), other.handle(), other.eventTime(), relation.kind(),
        relation.distance());
  }

  /**
   * The evidence of two matches with the same item, combined in a way that does not depend on the order
   * they came in: the earliest version, the strongest kind, the smallest distance.
   */
  public Match merge(Match other) {
    boolean mine = eventTime < other.eventTime || (eventTime == other.eventTime && handle.compareTo(other.handle) <= 0);
    Match first = mine ? this : other;
    DuplicateKind strongest = kind == DuplicateKind.EXACT_CONTENT || other.kind == DuplicateKind.EXACT_CONTENT
        ? DuplicateKind.EXACT_CONTENT : DuplicateKind.NEAR;
    return new Match(item, first.id, first.handle, first.eventTime, strongest, Math.min(distance, other.distance));
  }

  /** Whether this match's item comes before an item first seen at {@code time} with key {@code itemKey}. */
  public boolean isBefore(long time, String itemKey) {
    return eventTime < time || (eventTime == time && item.compareTo(itemKey) < 0);
  }
}
