package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one input of a produce run sends: an unchanged item read again once, a revision again. */
class SentVersionsTest {

  private static final Instant T0 = Instant.parse("2025-11-03T00:00:00Z");

  @Test
  void anItemReadAgainUnchangedGoesOutOnceAndARevisionGoesOutAgain() {
    RawArticle first = article("a", "첫 기사 본문");
    RawArticle other = article("b", "다른 기사 본문");
    RawArticle revised = article("a", "고친 기사 본문");
    List<RawArticle> sent = SentVersions.sentOnce(List.of(first, other, article("a", "첫 기사 본문"), revised,
        article("b", "다른 기사 본문")));
    assertThat(sent).containsExactly(first, other, revised);
  }

  private static RawArticle article(String id, String body) {
    return RawArticle.newBuilder().setId(id).setSource("test").setContentType("text/plain").setTitle("제목")
        .setBody(body).setPublishedAt(T0).setFetchedAt(T0).build();
  }
}
