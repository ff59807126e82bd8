package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedArticlesTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String BODY = "The council approved the new budget on Monday. Critics said it was late.\n\n"
      + "The mayor welcomed the vote.";

  private static RawArticle article(String id, String url) {
    return RawArticle.newBuilder().setId(id).setSource("test").setUrl(url).setContentType("application/json")
        .setTitle("Budget approved").setBody(BODY).setPublishedAt(Instant.EPOCH).setFetchedAt(Instant.EPOCH)
        .build();
  }

  @Test
  void theFirstRoundIsTheCorpusPublishedNowAndLaterRoundsAreFreshItems() {
    FeedArticles feed = new FeedArticles(List.of(article("a", "https://example.com/news/a?id=7"),
        article("b", null)));

    List<RawArticle> sent = List.of(feed.next(NOW), feed.next(NOW), feed.next(NOW), feed.next(NOW), feed.next(NOW));

    assertThat(sent).extracting(RawArticle::getId).containsExactly("a", "b", "a-r1", "b-r1", "a-r2");
    assertThat(sent).extracting(RawArticle::getUrl).containsExactly("https://example.com/news/a?id=7", null,
        "https://example.com/news/a/r1?id=7", null, "https://example.com/news/a/r2?id=7");
    assertThat(sent).extracting(RawArticle::getPublishedAt).containsOnly(NOW);
    assertThat(sent.get(0).getBody()).isEqualTo(BODY);
    assertThat(sent.get(2).getBody()).isNotEqualTo(BODY).isNotEqualTo(sent.get(4).getBody());
  }

  @Test
  void aReshuffledBodyKeepsEachSentencesWordsAndTheParagraphs() {
    String shuffled = FeedArticles.reshuffled(BODY, new Random(3));

    String[] paragraphs = shuffled.split("\n\n");
    assertThat(paragraphs).hasSize(2);
    assertThat(sortedWords(paragraphs[0])).isEqualTo(sortedWords(
        "The council approved the new budget on Monday Critics said it was late"));
    assertThat(sortedWords(paragraphs[1])).isEqualTo(sortedWords("The mayor welcomed the vote"));
    assertThat(shuffled).isNotEqualTo(BODY);
  }

  @Test
  void aUrlWithoutAPathGetsTheRoundAsItsPath() {
    assertThat(FeedArticles.inRound("https://example.com", 3)).isEqualTo("https://example.com/r3");
    assertThat(FeedArticles.inRound("https://example.com/a/", 3)).isEqualTo("https://example.com/a/r3");
  }

  private static List<String> sortedWords(String text) {
    return Arrays.stream(text.replaceAll("[.!?]", "").split("\\s+")).sorted().toList();
  }
}
