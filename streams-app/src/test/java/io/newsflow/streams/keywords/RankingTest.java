package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** score = (count + lead bonus) x weight x idf: informative words first, the lead counting more. */
class RankingTest {

  private static List<String> ranked(Tally tally) {
    return tally.ranked(key -> 1).stream().map(Keyword::display).toList();
  }

  @Test
  void aWordCommonEverywhereRanksBelowARarerOneOfTheSameCount() throws IOException {
    DocumentFrequencies background = DocumentFrequencies.read("test", new ByteArrayInputStream(
        "#documents\t1000\n발생\t400\n".getBytes(StandardCharsets.UTF_8)));
    Tally tally = new Tally();
    tally.add("발생", "발생", 1, false);
    tally.add("퀀텀리프", "퀀텀리프", 1, false);
    tally.add("발생", "발생", 1, false);
    tally.add("퀀텀리프", "퀀텀리프", 1, false);

    assertThat(tally.ranked(background::idf)).extracting(Keyword::display).containsExactly("퀀텀리프", "발생");
    assertThat(background.idf("발생")).isLessThan(background.idf("퀀텀리프"));
    assertThat(background.idf("퀀텀리프")).isEqualTo(Math.log(1001 / 0.5));
  }

  @Test
  void aKoreanCommonNounWeighsLessThanANameOfTheSameCount() {
    Tally tally = new Tally();
    tally.add("국내", "국내", 2, true, Tally.Evidence.COMMON_NOUN);
    tally.add("네온틱", "네온틱", 2, true, Tally.Evidence.NONE);

    assertThat(ranked(tally)).containsExactly("네온틱", "국내");
  }

  @Test
  void theLeadCountsMoreThanTheRestOfTheBody() {
    Tally tally = new Tally();
    tally.add("lead", "lead", 1, false);
    for (int i = 0; i < Tally.LEAD_OCCURRENCES; i++) {
      tally.add("filler" + i, "filler" + i, 1, false);
    }
    tally.add("late", "late", 1, false);
    tally.add("late", "late", 1, false);

    List<String> ranked = ranked(tally);
    // Without the lead, late (2 occurrences) would pass lead (1); with it, lead scores 1 + 1 and, seen first,
    // ranks first.
    assertThat(ranked.indexOf("lead")).isLessThan(ranked.indexOf("late"));
    assertThat(tally.ranked(key -> 1)).filteredOn(k -> k.key().equals("late")).extracting(Keyword::count)
        .containsExactly(2);
  }
}
