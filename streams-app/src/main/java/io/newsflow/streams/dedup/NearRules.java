package io.newsflow.streams.dedup;

import io.newsflow.avro.DuplicateKind;
import java.util.Optional;

/**
 * When two articles' texts make one a duplicate of the other: the same fingerprint (EXACT_CONTENT; for a body
 * too short to identify an article, see {@link Signature}, the same title too); SimHash
 * within {@code maxDistance} bits (NEAR); or, when both have passage sketches, the smaller contained in the
 * larger at {@code minContainment} while they share at least {@code minResemblance} of their union (NEAR:
 * a copy with a trimmed paragraph, a fixed typo, another lead sentence).
 *
 * @param maxDistance SimHash Hamming distance at most this is a near duplicate (default 3)
 * @param minContainment estimated containment at least this, with the resemblance below, is a near duplicate
 * @param minResemblance estimated resemblance the containment rule also needs, so a brief quoted whole
 *     inside a long feature is not its duplicate
 */
public record NearRules(int maxDistance, double minContainment, double minResemblance) {

  public static final NearRules DEFAULTS = new NearRules(3, 0.9, 0.5);

  /** What the two members are to each other, or empty when they are not duplicates. */
  public Optional<Relation> relate(Member a, Member b) {
    if (a.fingerprint().equals(b.fingerprint())) {
      boolean identifying = a.nearMatchable() && b.nearMatchable();
      return identifying || a.title() == b.title()
          ? Optional.of(new Relation(DuplicateKind.EXACT_CONTENT, 0)) : Optional.empty();
    }
    if (!a.nearMatchable() || !b.nearMatchable()) {
      return Optional.empty();
    }
    int distance = SimHash.distance(a.simhash(), b.simhash());
    if (distance <= maxDistance) {
      return Optional.of(new Relation(DuplicateKind.NEAR, distance));
    }
    if (a.sketch().length > 0 && b.sketch().length > 0
        && Sketch.containment(a.sketch(), b.sketch()) >= minContainment
        && Sketch.resemblance(a.sketch(), b.sketch()) >= minResemblance) {
      return Optional.of(new Relation(DuplicateKind.NEAR, distance));
    }
    return Optional.empty();
  }

  /** A duplicate relation: its kind and, for NEAR, the SimHash distance. */
  public record Relation(DuplicateKind kind, int distance) {
  }
}
