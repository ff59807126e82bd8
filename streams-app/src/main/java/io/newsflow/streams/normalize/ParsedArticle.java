package io.newsflow.streams.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fields read from a Korean portal page: what {@link KoreanPortalLayoutParser} found, body already cleaned.
 *
 * @param section     the section line, e.g. "IT IT일반"; null when the page has none
 * @param title       the headline, NFKC and whitespace folded
 * @param authors     reporter names without the "기자" title, in page order; empty when no byline
 * @param publisher   e.g. "파이낸셜뉴스"; null when absent
 * @param publishedAt the 입력 time
 * @param updatedAt   the 수정 time; null when absent
 * @param body        the cleaned body (see {@link BodyCleaner})
 */
public record ParsedArticle(String section, String title, List<String> authors, String publisher,
              Instant publishedAt, Instant updatedAt, String body) {

  public ParsedArticle {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(body, "body");
    authors = List.copyOf(authors);
  }
}
