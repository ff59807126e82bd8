package io.newsflow.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordScoreTest {

  @Test
  void countsAcceptedFormsWhateverTheirSpacingAndCase() {
    KeywordScore score = new KeywordScore(List.of("샘알트만", "오픈AI", "발생", "s&p 500"),
        List.of("샘 알트만|알트만", "오픈AI", "S&P 500"), List.of("오픈ai", "딥시크"));

    assertThat(score.acceptedCount()).isEqualTo(3);
    assertThat(score.precision()).isEqualTo(0.75);
    assertThat(score.foundMust()).containsExactly("오픈ai");
    assertThat(score.missingMust()).containsExactly("딥시크");
    assertThat(score.junk()).isEmpty();
  }

  @Test
  void particlesSingleSyllablesAndGluedFiguresAreJunk() {
    KeywordScore score = new KeywordScore(List.of("딥시크가", "딥", "엔비디아 11.20", "3명", "그록 3", "국민의힘", "국가"),
        List.of("딥시크", "국민의힘"), List.of());

    assertThat(score.junk()).containsExactly("딥시크가", "딥", "엔비디아 11.20", "3명");
  }
}
