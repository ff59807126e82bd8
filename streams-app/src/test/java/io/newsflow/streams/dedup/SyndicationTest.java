package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.RawArticle;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixtures through the same normalization and matching as the pipeline, without Kafka. */
class SyndicationTest {

  private final ArticleNormalizer normalizer = new ArticleNormalizer();

  @Test
  void syndicatedCopiesAreDuplicatesOfTheWireStoryAndHardNegativesAreNot() {
    OfflineDedup.Result result = run(DedupFixtures.articles());

    result.duplicates().forEach(System.out::println);
    assertThat(result.duplicates())
        .extracting(OfflineDedup.Verdict::id, OfflineDedup.Verdict::duplicateOf, OfflineDedup.Verdict::kind)
        .containsExactly(
            tuple("en-trimmed", DedupFixtures.WIRE_EN, DuplicateKind.NEAR),
            tuple("en-typo", DedupFixtures.WIRE_EN, DuplicateKind.NEAR),
            tuple("ko-header", DedupFixtures.WIRE_KO, DuplicateKind.EXACT_CONTENT),
            tuple("ko-trimmed", DedupFixtures.WIRE_KO, DuplicateKind.NEAR),
            tuple("ko-typo", DedupFixtures.WIRE_KO, DuplicateKind.NEAR));
    assertThat(result.counted()).containsExactlyInAnyOrder(DedupFixtures.WIRE_KO, DedupFixtures.WIRE_EN,
        "ko-analysis", "ko-rival", "ko-template", "en-workers");
  }

  private OfflineDedup.Result run(List<RawArticle> raws) {
    OfflineDedup dedup = new OfflineDedup(NearRules.DEFAULTS, java.time.Duration.ofDays(7));
    for (RawArticle raw : raws) {
      Article article = normalizer.normalize(raw);
      dedup.add(article, article.getPublishedAt().toEpochMilli());
    }
    return dedup.run();
  }
}
