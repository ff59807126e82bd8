package io.newsflow.streams.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.streams.keywords.LearnedModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline learner applies the stream learner's thresholds to counts over a corpus. */
class OfflineLearnerTest {

  private static final ModelSettings SETTINGS =
      new ModelSettings(true, 500, Duration.ofDays(7), 0.5, 4, 3, 1, 10, 10);

  @Test
  void weighsDownTheKeywordsInHalfTheArticlesAndLearnsTheMostSeenNoun() {
    OfflineLearner learner = new OfflineLearner(SETTINGS);
    learner.add(List.of("정책", "시장"), List.of("누리온랩스", "카이오젠"));
    learner.add(List.of("정책", "교육"), List.of("누리온랩스", "카이오젠"));
    learner.add(List.of("정책"), List.of("누리온랩스", "카이오젠"));
    learner.add(List.of("환경"), List.of("누리온랩스"));

    LearnedModel model = learner.model();

    assertThat(model.weight("정책")).isCloseTo(0.25, within(1e-9));
    assertThat(model.weight("시장")).isEqualTo(1.0);
    // max-nouns 1: the noun seen in four articles, not the one seen in three.
    assertThat(model.nouns()).containsExactly("누리온랩스");
  }

  @Test
  void weighsNothingDownBeforeMinDocuments() {
    OfflineLearner learner = new OfflineLearner(SETTINGS);
    learner.add(List.of("정책"), List.of());
    learner.add(List.of("정책"), List.of());

    assertThat(learner.model().weight("정책")).isEqualTo(1.0);
  }
}
