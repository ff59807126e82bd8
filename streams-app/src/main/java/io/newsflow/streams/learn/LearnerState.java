package io.newsflow.streams.learn;

/**
 * The learner's own progress, one value in its state store.
 *
 * @param version the last version published (0: none yet)
 * @param documents the articles learned from, decayed; its {@code at} is the latest event time seen
 * @param sinceSnapshot articles counted since the last version was published
 */
record LearnerState(long version, Decayed documents, int sinceSnapshot) {

  static final LearnerState INITIAL = new LearnerState(0, Decayed.NONE, 0);
}
