package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Deduplication of a batch of normalized articles without Kafka, through the same match keys, the same
 * {@link NearRules} and the same {@link ItemDecision} as the topology: what the pipeline's notices come to
 * once every article has arrived, whatever the order. For {@code newsflow dedup-eval} and for tests. As in the
 * pipeline, two articles further apart in event time than the retention are never compared.
 */
public final class OfflineDedup {

  /** One input: an article and its event time (publication, else fetch time). */
  public record Input(Article article, long eventTime) {
  }

  /**
   * A duplicate verdict, as the pipeline's final notice about {@code id} would read, with the evidence.
   *
   * @param id the duplicate
   * @param duplicateOf the article it repeats
   * @param kind EXACT_URL, EXACT_CONTENT, REVISION or NEAR
   * @param distance the notice's distance: the SimHash distance for NEAR, else null
   * @param simhashDistance the SimHash distance between the two texts (-1 when not compared)
   * @param containment the estimated containment of the smaller text in the larger (NaN when not compared)
   * @param resemblance the estimated resemblance (NaN when not compared)
   */
  public record Verdict(String id, String duplicateOf, DuplicateKind kind, Integer distance, int simhashDistance,
      double containment, double resemblance) {
  }

  /** Two articles of different items that are not duplicates, and how close they came. */
  public record NearMiss(String id, String otherId, int distance, double containment, double resemblance) {
  }

  /**
   * The outcome of a batch.
   *
   * @param duplicates a verdict per duplicate version, by id then duplicateOf
   * @param counted the ids of the articles the trends would count
   * @param publications what the resolver finally publishes and the trend stage counts, one per counted item,
   *     by id
   */
  public record Result(List<Verdict> duplicates, List<String> counted, List<Publication> publications) {
  }

  /**
   * A counted item as the trend stage finally counts it: the current version's article under its root's id and
   * revision number, at the root's event time (the time the resolver stamps on its publication).
   */
  public record Publication(Article article, long eventTime) {
  }

  private record Version(Article article, long eventTime, Signature signature) {
  }

  private final NearRules rules;
  private final long retention;
  private final Map<String, Version> versions = new LinkedHashMap<>();
  private final Map<String, Integer> resends = new HashMap<>();

  public OfflineDedup(NearRules rules, Duration retention) {
    this.rules = rules;
    this.retention = retention.toMillis();
  }

  public void add(Article article, long eventTime) {
    String handle = Identity.handle(article);
    if (versions.containsKey(handle)) {
      resends.merge(handle, 1, Integer::sum);
      return;
    }
    versions.put(handle, new Version(article, eventTime, Signature.of(article)));
  }

  public Result run() {
    Map<String, ItemState> items = new TreeMap<>();
    Map<String, List<Member>> index = new HashMap<>();
    for (Map.Entry<String, Version> entry : versions.entrySet()) {
      Version v = entry.getValue();
      List<String> keys = MatchKeys.of(v.signature());
      ItemState state = items.computeIfAbsent(Identity.item(v.article()), ItemState::new);
      VersionState version = new VersionState();
      version.handle = entry.getKey();
      version.id = v.article().getId();
      version.eventTime = v.eventTime();
      version.updatedAt = v.article().getUpdatedAt() == null ? null : v.article().getUpdatedAt().toEpochMilli();
      version.versionTime = version.updatedAt != null ? version.updatedAt : version.eventTime;
      version.fingerprint = v.article().getFingerprint();
      version.expectedKeys = keys;
      version.reportedKeys.addAll(keys);
      state.versions.put(version.handle, version);
      for (String key : keys) {
        index.computeIfAbsent(key, k -> new ArrayList<>())
            .add(Member.of(v.article(), v.eventTime(), v.signature(), MatchKeys.isPassage(key)));
      }
    }
    for (List<Member> members : index.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          Member a = members.get(i);
          Member b = members.get(j);
          if (a.item().equals(b.item()) || Math.abs(a.eventTime() - b.eventTime()) > retention) {
            continue;
          }
          Optional<NearRules.Relation> relation = rules.relate(a, b);
          if (relation.isPresent()) {
            items.get(a.item()).addMatch(Match.of(b, relation.get()), Integer.MAX_VALUE);
            items.get(b.item()).addMatch(Match.of(a, relation.get()), Integer.MAX_VALUE);
          }
        }
      }
    }
    List<Verdict> duplicates = new ArrayList<>();
    List<String> counted = new ArrayList<>();
    List<Publication> publications = new ArrayList<>();
    for (ItemState state : items.values()) {
      ItemDecision.Verdict verdict = ItemDecision.decide(state);
      if (verdict.counted()) {
        counted.add(verdict.root().id);
        Article current = Article.newBuilder(versions.get(verdict.current().handle).article())
            .setId(verdict.root().id)
            .setRevision(verdict.revision())
            .build();
        publications.add(new Publication(current, verdict.root().eventTime));
      }
      for (VersionState version : state.versions.values()) {
        VersionState.Notice notice = verdict.notices().get(version.handle);
        if (notice != null) {
          duplicates.add(evidence(version, notice, verdict));
        }
        for (int n = resends.getOrDefault(version.handle, 0); n > 0; n--) {
          duplicates.add(notice != null ? evidence(version, notice, verdict) : new Verdict(version.id, version.id,
              state.item.startsWith("url:") ? DuplicateKind.EXACT_URL : DuplicateKind.EXACT_CONTENT, null, 0,
              1, 1));
        }
      }
    }
    duplicates.sort(Comparator.comparing(Verdict::id).thenComparing(Verdict::duplicateOf));
    counted.sort(null);
    publications.sort(Comparator.comparing(p -> p.article().getId()));
    return new Result(duplicates, counted, publications);
  }

  /**
   * The {@code limit} closest pairs of different items that are not duplicates, by SimHash distance; pairs
   * that are copies of the same article are left out.
   */
  public List<NearMiss> nearMisses(int limit, Result result) {
    List<Version> all = new ArrayList<>(versions.values());
    Map<String, String> duplicateOf = new HashMap<>();
    result.duplicates().forEach(d -> duplicateOf.put(d.id(), d.duplicateOf()));
    PriorityQueue<NearMiss> closest = new PriorityQueue<>(
        Comparator.comparingInt(NearMiss::distance).reversed().thenComparing(NearMiss::id));
    for (int i = 0; i < all.size(); i++) {
      Version a = all.get(i);
      if (!a.signature().nearMatchable()) {
        continue;
      }
      for (int j = i + 1; j < all.size(); j++) {
        Version b = all.get(j);
        if (!b.signature().nearMatchable() || Identity.item(a.article()).equals(Identity.item(b.article()))
            || Math.abs(a.eventTime() - b.eventTime()) > retention) {
          continue;
        }
        String idA = a.article().getId();
        String idB = b.article().getId();
        String rootA = duplicateOf.getOrDefault(idA, idA);
        String rootB = duplicateOf.getOrDefault(idB, idB);
        if (rootA.equals(rootB) || rootA.equals(idB) || rootB.equals(idA)
            || rules.relate(member(a), member(b)).isPresent()) {
          continue;
        }
        int distance = SimHash.distance(a.signature().simhash(), b.signature().simhash());
        if (closest.size() < limit || distance < closest.peek().distance()) {
          closest.add(new NearMiss(idA, idB, distance,
              Sketch.containment(a.signature().sketch(), b.signature().sketch()),
              Sketch.resemblance(a.signature().sketch(), b.signature().sketch())));
          if (closest.size() > limit) {
            closest.poll();
          }
        }
      }
    }
    List<NearMiss> sorted = new ArrayList<>(closest);
    sorted.sort(Comparator.comparingInt(NearMiss::distance).thenComparing(NearMiss::id));
    return sorted;
  }

  private static Member member(Version v) {
    return Member.of(v.article(), v.eventTime(), v.signature(), true);
  }

  private Verdict evidence(VersionState version, VersionState.Notice notice, ItemDecision.Verdict verdict) {
    Version mine = versions.get(version.handle);
    Version theirs = version == verdict.root() && verdict.duplicateOf() != null
        ? versions.get(verdict.duplicateOf().handle()) : versions.get(verdict.root().handle);
    double containment = Sketch.containment(mine.signature().sketch(), theirs.signature().sketch());
    double resemblance = Sketch.resemblance(mine.signature().sketch(), theirs.signature().sketch());
    return new Verdict(version.id, notice.duplicateOf(), notice.kind(), notice.distance(),
        SimHash.distance(mine.signature().simhash(), theirs.signature().simhash()), containment, resemblance);
  }
}
