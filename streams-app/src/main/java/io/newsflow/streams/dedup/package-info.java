/**
 * Deduplication: which articles repeat an earlier one and are therefore not counted.
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li><b>Items and versions.</b> An article's item is its canonical URL, else its id ({@link
 *       io.newsflow.streams.dedup.Identity}). Versions of one item are ordered by updatedAt (else publishedAt).
 *       A later version with a newer updatedAt and a new text is a <b>REVISION</b>: it is published to
 *       news.articles under the first version's id with revision + 1, and the trend stage moves the item's
 *       count from the old keywords to the new ones in the same window. Any other later version repeats the
 *       item: <b>EXACT_URL</b> (the same record polled again, the same URL under another id).</li>
 *   <li><b>Across items</b>, by text ({@link io.newsflow.streams.dedup.NearRules}): the same clean-body
 *       fingerprint is <b>EXACT_CONTENT</b>; a SimHash (64 bits, over 2-word shingles of the clean body)
 *       within 3 bits, or a passage sketch showing the smaller text at least 90% inside the larger while they
 *       share at least half their union, is <b>NEAR</b>, with the SimHash distance. The second rule is there
 *       because SimHash alone misses the copies wires actually produce: cutting the last paragraph (a fifth of
 *       the text) moves a SimHash by about 9 bits, and two fixed typos often by 4 or more; containment does
 *       not move with a cut, and two articles that only share a quote or a press-release paragraph stay
 *       below it. Bodies under 30 words (price ticks, dividend notices) only make exact copies, and only with
 *       the same title: different articles share such texts whole.</li>
 * </ul>
 * The item that comes first (its earliest version's event time, then item key) wins; every later item that
 * matches it is its duplicate, reported on news.duplicates and not counted.
 *
 * <h2>Why the result does not depend on partitions or arrival order</h2>
 * Every version is indexed under its match keys ({@link io.newsflow.streams.dedup.MatchKeys}): its
 * fingerprint, the four 16-bit bands of its SimHash (pigeonhole: a pair within 3 bits agrees on a band) and
 * the 8 smallest hashes of its passage sketch. The index is partitioned by key, so two versions that may be
 * duplicates meet in the task that owns a key they share, whatever the number of partitions. Whichever of
 * the two arrives second finds the first there ({@link io.newsflow.streams.dedup.MatchIndexProcessor}), so
 * the set of pairs found does not depend on the order either. Each finding goes to the resolver of each
 * item concerned, partitioned by item ({@link io.newsflow.streams.dedup.ResolverProcessor}); a resolver
 * decides once the version and the reports of all its keys have arrived, by a pure function of what it
 * holds ({@link io.newsflow.streams.dedup.ItemDecision}).
 *
 * <p>When knowledge arrives late (the earlier article after the later one was counted, an older version
 * after the newer one) the resolver corrects: a new notice for the article that now is a duplicate, a
 * withdrawal of its count, a publication of the one that now counts. The trend stage keeps each counted
 * item's keywords until its window closes, so a withdrawal or a revision takes exactly those back out. The
 * final state (the last notice per id, the counts) is therefore the same for every order and partitioning;
 * the notices on the way there are not (a compacted news.duplicates keeps the last). news.articles is
 * append-only: an article published before its original arrived stays there, superseded by its notice.
 *
 * <h2>State</h2>
 * All stores are named and bounded by {@code newsflow.dedup.retention} (default 7 days, event time): the
 * match index is a window store; items expire a retention after their last version, through an index by
 * time. Articles further apart than the retention are never compared. {@link
 * io.newsflow.streams.dedup.OfflineDedup} computes the same final verdicts on a batch without Kafka, for
 * {@code newsflow dedup-eval} and tests.
 *
 * <p>Store values and the records of the two repartition topics are in compact binary formats written with
 * {@code DataOutput} ({@link io.newsflow.streams.dedup.MemberSerde}, {@link
 * io.newsflow.streams.dedup.ItemStateSerde}, {@link io.newsflow.streams.dedup.DedupMessageSerde}), each with a
 * leading format version; the article inside keeps newsflow's Avro wire format. Not Avro for the rest: an
 * item's state (mutable maps of versions and matches, read and written about fifteen times per article) has
 * no schema of its own to register and no reader outside this package, and Jackson's JSON of it and of the
 * trend values took a fifth of the stream threads' time. See {@link io.newsflow.streams.support.BinarySerde}.
 *
 * <p>SimHash and MinHash are written here ({@link io.newsflow.streams.dedup.SimHash}, {@link
 * io.newsflow.streams.dedup.Sketch}) over a 64-bit MurmurHash3 ({@link io.newsflow.streams.dedup.MurmurHash3}):
 * they are a few dozen lines each, and no library on the classpath provides them or a 64-bit MurmurHash3.
 */
package io.newsflow.streams.dedup;
