package io.newsflow.streams.trends;

import java.util.List;

/**
 * What one counted article added to the counts: its window and keywords, kept until the window closes so that
 * a revision or a withdrawal can take exactly that back out.
 */
record Contribution(long windowStart, List<String> keywords) {

  Contribution {
    keywords = List.copyOf(keywords);
  }
}
