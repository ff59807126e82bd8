package io.newsflow.streams.trends;

import java.util.List;

/**
 * What one counted article added to the counts, kept until its windows close so that a revision or a withdrawal
 * can take exactly that back out.
 *
 * @param articleId the id of the counted version, listed among a keyword's top articles
 * @param eventTime the article's event time, which places it in one window of each size
 * @param keywords its ranked keywords in display form
 * @param sizes the window sizes (millis) it is counted in and whose window is still open
 */
record Contribution(String articleId, long eventTime, List<String> keywords, List<Long> sizes) {

  Contribution {
    keywords = List.copyOf(keywords);
    sizes = List.copyOf(sizes);
  }

  Contribution withoutSize(long size) {
    return new Contribution(articleId, eventTime, keywords,
        sizes.stream().filter(s -> s != size).toList());
  }
}
