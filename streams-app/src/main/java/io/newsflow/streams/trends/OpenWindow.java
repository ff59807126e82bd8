package io.newsflow.streams.trends;

/**
 * An open window of one size: how many articles it counts (the {@code N} of {@link Scoring}) and whether it
 * changed since its last snapshot.
 */
record OpenWindow(long articles, boolean changed) {}
