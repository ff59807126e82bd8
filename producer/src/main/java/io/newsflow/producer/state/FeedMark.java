package io.newsflow.producer.state;

/**
 * The validators of a feed's last fully sent response, sent back on the next poll so that an unchanged
 * feed answers 304 Not Modified.
 *
 * @param etag the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record FeedMark(String etag, String lastModified) {

  public static final FeedMark NONE = new FeedMark(null, null);
}
