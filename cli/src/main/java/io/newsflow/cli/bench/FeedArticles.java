package io.newsflow.cli.bench;

import io.newsflow.avro.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * An endless feed made of a corpus, for the steady and paced benchmark runs: its records in order, then again
 * and again, each round ({@code r}, from 1) under a fresh id ({@code <id>-r<r>}) and url (a path segment
 * {@code /r<r>} more) and with the words of each sentence shuffled as {@link SeedVariants} does. A fresh id and
 * url alone would make every later round a copy of the first for dedup, which compares the text; shuffled
 * sentences leave the analyzers the same words while no round is a near duplicate of another. Every record is
 * published now (its event time), as in a live feed. Deterministic apart from the times; not thread-safe.
 */
public final class FeedArticles {

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?。])\\s+|\\n+");

  private final List<RawArticle> corpus;
  private long next;

  public FeedArticles(List<RawArticle> corpus) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("no article to feed");
    }
    this.corpus = List.copyOf(corpus);
  }

  /** The next record, published at {@code now}. */
  public RawArticle next(Instant now) {
    long index = next++;
    RawArticle base = corpus.get((int) (index % corpus.size()));
    long round = index / corpus.size();
    RawArticle.Builder record = RawArticle.newBuilder(base).setPublishedAt(now).setFetchedAt(now);
    if (round > 0) {
      record.setId(base.getId() + "-r" + round)
          .setUrl(base.getUrl() == null ? null : inRound(base.getUrl(), round))
          .setBody(reshuffled(base.getBody(), new Random(index)));
    }
    return record.build();
  }

  /** {@code url} with a last path segment {@code r<round>}, query and fragment kept. */
  static String inRound(String url, long round) {
    try {
      URI uri = new URI(url);
      String path = uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath().replaceAll("/$", "");
      return new URI(uri.getScheme(), uri.getAuthority(), path + "/r" + round, uri.getQuery(), uri.getFragment())
          .toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return url + "#r" + round;
    }
  }

  /** {@code body} with the words of each sentence shuffled, paragraphs kept. */
  static String reshuffled(String body, Random random) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : PARAGRAPHS.split(body.strip())) {
      List<String> sentences = new ArrayList<>();
      for (String sentence : SENTENCES.split(paragraph.strip())) {
        if (!sentence.isBlank()) {
          sentences.add(SeedVariants.shuffled(sentence.strip(), random));
        }
      }
      paragraphs.add(String.join(" ", sentences));
    }
    return String.join("\n\n", paragraphs);
  }
}
