package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.DuplicateKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verdict on an item: versions, revisions, and which of two matching items comes first. */
class DecisionTest {

  @Test
  void newerUpdatedAtWithNewTextIsARevisionAndBecomesCurrent() {
    ItemState item = item("url:u", version("a", 100, null, "f1"), version("a", 100, 200L, "f2"));

    ItemDecision.Verdict verdict = ItemDecision.decide(item);

    assertThat(verdict.root().fingerprint).isEqualTo("f1");
    assertThat(verdict.current().fingerprint).isEqualTo("f2");
    assertThat(verdict.revision()).isEqualTo(1);
    assertThat(verdict.counted()).isTrue();
    assertThat(verdict.notices().get("a#f2")).isEqualTo(new VersionState.Notice("a", DuplicateKind.REVISION, null));
    assertThat(verdict.notices()).doesNotContainKey("a#f1");
  }

  @Test
  void sameUrlWithoutNewerUpdatedAtIsAnExactUrlCopyOfTheEarliest() {
    ItemState item = item("url:u", version("late", 300, null, "f2"), version("early", 100, null, "f1"));

    ItemDecision.Verdict verdict = ItemDecision.decide(item);

    assertThat(verdict.root().id).isEqualTo("early");
    assertThat(verdict.notices().get("late#f2"))
        .isEqualTo(new VersionState.Notice("early", DuplicateKind.EXACT_URL, null));
  }

  @Test
  void itemMatchingAnEarlierItemIsItsDuplicateAndAnEarlierMatchWins() {
    ItemState item = item("url:b", version("b", 200, null, "fb"));
    item.addMatch(new Match("url:c", "c", "c#fc", 150, DuplicateKind.NEAR, 2), 64);
    item.addMatch(new Match("url:a", "a", "a#fa", 100, DuplicateKind.EXACT_CONTENT, 0), 64);
    item.addMatch(new Match("url:d", "d", "d#fd", 300, DuplicateKind.NEAR, 1), 64);

    ItemDecision.Verdict verdict = ItemDecision.decide(item);

    assertThat(verdict.counted()).isFalse();
    assertThat(verdict.notices().get("b#fb"))
        .isEqualTo(new VersionState.Notice("a", DuplicateKind.EXACT_CONTENT, null));
  }

  @Test
  void equalEventTimesAreOrderedByItem() {
    ItemState b = item("url:b", version("b", 100, null, "fb"));
    b.addMatch(new Match("url:a", "a", "a#fa", 100, DuplicateKind.NEAR, 3), 64);
    ItemState a = item("url:a", version("a", 100, null, "fa"));
    a.addMatch(new Match("url:b", "b", "b#fb", 100, DuplicateKind.NEAR, 3), 64);

    assertThat(ItemDecision.decide(a).counted()).isTrue();
    assertThat(ItemDecision.decide(b).notices().get("b#fb"))
        .isEqualTo(new VersionState.Notice("a", DuplicateKind.NEAR, 3));
  }

  @Test
  void verdictDoesNotDependOnTheOrderVersionsAndMatchesArrived() {
    List<VersionState> versions = List.of(version("x", 100, null, "f1"), version("x", 100, 150L, "f2"),
        version("x", 100, 120L, "f3"), version("x", 100, 150L, "f4"));
    List<Match> matches = List.of(new Match("url:p", "p", "p#1", 90, DuplicateKind.NEAR, 5),
        new Match("url:p", "p2", "p#2", 80, DuplicateKind.EXACT_CONTENT, 0),
        new Match("url:q", "q", "q#1", 95, DuplicateKind.NEAR, 1));
    ItemDecision.Verdict reference = null;
    Random random = new Random(9);
    for (int trial = 0; trial < 20; trial++) {
      List<VersionState> v = new ArrayList<>(versions);
      List<Match> m = new ArrayList<>(matches);
      Collections.shuffle(v, random);
      Collections.shuffle(m, random);
      ItemState item = new ItemState("url:x");
      v.forEach(version -> item.versions.put(version.handle, version));
      m.forEach(match -> item.addMatch(match, 64));
      ItemDecision.Verdict verdict = ItemDecision.decide(item);
      if (reference == null) {
        reference = verdict;
        assertThat(verdict.notices().get("x#f1"))
            .isEqualTo(new VersionState.Notice("p2", DuplicateKind.EXACT_CONTENT, null));
      }
      assertThat(verdict.notices()).isEqualTo(reference.notices());
      assertThat(verdict.current().handle).isEqualTo(reference.current().handle);
    }
  }

  @Test
  void shortBodiesAreCopiesOnlyUnderTheSameTitle() {
    String notice = "Qtly div 25 cts vs 25 cts prior Pay April 30 Record April 10";
    Signature a = Signature.of("BIC CORP SETS QUARTERLY", notice, "fp");
    Signature b = Signature.of("VARLEN CORP DECLARES QTLY DIVIDEND", notice, "fp");
    Signature c = Signature.of("BIC Corp sets quarterly", notice, "fp");

    assertThat(NearRules.DEFAULTS.relate(member("a", a), member("b", b))).isEmpty();
    assertThat(NearRules.DEFAULTS.relate(member("a", a), member("c", c)))
        .contains(new NearRules.Relation(DuplicateKind.EXACT_CONTENT, 0));
  }

  private static Member member(String id, Signature s) {
    return new Member(id + "#", "id:" + id, id, 0, s.fingerprint(), s.simhash(), s.sketch(), s.words(), s.title());
  }

  private static ItemState item(String key, VersionState... versions) {
    ItemState item = new ItemState(key);
    for (VersionState version : versions) {
      item.versions.put(version.handle, version);
    }
    return item;
  }

  private static VersionState version(String id, long eventTime, Long updatedAt, String fingerprint) {
    VersionState version = new VersionState();
    version.handle = id + "#" + fingerprint;
    version.id = id;
    version.eventTime = eventTime;
    version.updatedAt = updatedAt;
    version.versionTime = updatedAt != null ? updatedAt : eventTime;
    version.fingerprint = fingerprint;
    version.expectedKeys = List.of();
    return version;
  }
}
