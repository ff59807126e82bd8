package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.normalize.Fixtures;
import io.newsflow.streams.normalize.KoreanPortalLayoutParser;
import io.newsflow.streams.normalize.ParsedArticle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures single-thread throughput of {@link KeywordExtractor#extract} on the seed and logs it; no timed
 * assertion, since build machines vary. On the idle 2-core dev machine, after JIT warm-up: 2.3 to 2.6 MB/s of
 * UTF-8 text (about 550 seed articles/s), most of it in Nori's tokenizer; far less while other builds load it.
 */
class KeywordExtractorThroughputTest {

  private static final Logger LOG = LoggerFactory.getLogger(KeywordExtractorThroughputTest.class);
  private static final int WARM_UP = 100;
  private static final int MEASURED = 200;

  @Test
  void seedRepeatedIsExtractedIdenticallyAndThroughputIsLogged() {
    ParsedArticle seed = KoreanPortalLayoutParser.parse(Fixtures.read(Fixtures.SEED_KO));
    long bytesPerArticle = (seed.title() + seed.body()).getBytes(StandardCharsets.UTF_8).length;
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      List<Keyword> expected = extractor.extract(seed.title(), seed.body(), "ko");
      for (int i = 0; i < WARM_UP; i++) {
        extractor.extract(seed.title(), seed.body(), "ko");
      }
      List<Keyword> last = null;
      long start = System.nanoTime();
      for (int i = 0; i < MEASURED; i++) {
        last = extractor.extract(seed.title(), seed.body(), "ko");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double megabytes = bytesPerArticle * (double) MEASURED / 1e6;
      LOG.info("event=keyword-throughput articles={} bytesPerArticle={} seconds={} mbPerSecond={} articlesPerSecond={}",
          MEASURED, bytesPerArticle, String.format("%.3f", seconds), String.format("%.2f", megabytes / seconds),
          String.format("%.0f", MEASURED / seconds));
      assertThat(last).isEqualTo(expected);
    }
  }
}
