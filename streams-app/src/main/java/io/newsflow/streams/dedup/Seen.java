package io.newsflow.streams.dedup;

/** The first article seen under a dedup key: the id later copies are reported as duplicates of. */
public record Seen(String id) {}
