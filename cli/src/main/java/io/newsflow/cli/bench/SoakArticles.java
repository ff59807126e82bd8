package io.newsflow.cli.bench;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The feed of {@code newsflow soak}: {@code count} articles whose event times advance uniformly from a start to
 * an end (a month of news in an hour), most of them unique, the rest what a news feed repeats: the same url resent
 * under another id, a revision (same url, a sentence added, a newer {@code updatedAt}), a syndicated copy (another
 * outlet's url, an outlet credit in front, the last sentence cut) and an exact copy (another url, the same text).
 * A unique article has a headline and as many sentences as a seed of its language, of words drawn from that
 * language's seed sentences; Korean, English, and German, French and Spanish from a resource (the seeds have
 * none). A repeat copies one of the unique articles of the last hour of event time, so it
 * falls within every retention (dedup's, the trend windows' grace). Deterministic for a random seed; not
 * thread-safe.
 */
public final class SoakArticles {

  /** What an article of the feed is. */
  public enum Kind { UNIQUE, RESENT, REVISION, SYNDICATED, COPY }

  /** Shares of the kinds of repeat; unique articles are the rest. */
  public record Mix(double resent, double revision, double syndicated, double copy) {

    /** About 30% repeats, as a portal's feed of several outlets has. */
    public static final Mix DEFAULT = new Mix(0.06, 0.06, 0.10, 0.08);

    public Mix {
      if (resent < 0 || revision < 0 || syndicated < 0 || copy < 0 || resent + revision + syndicated + copy >= 0.5) {
        throw new IllegalArgumentException("repeat shares must be non-negative and leave unique articles the "
            + "majority: " + this);
      }
    }

    Kind pick(double r) {
      double bound = resent;
      if (r < bound) {
        return Kind.RESENT;
      }
      bound += revision;
      if (r < bound) {
        return Kind.REVISION;
      }
      bound += syndicated;
      if (r < bound) {
        return Kind.SYNDICATED;
      }
      return r < bound + copy ? Kind.COPY : Kind.UNIQUE;
    }
  }

  /**
   * One article of the feed.
   *
   * @param index its number, from 0; its id is {@link #id(long)}
   * @param kind what it is
   * @param language the language it was written in (a repeat: its original's)
   * @param record the record to send to news.raw
   */
  public record Item(long index, Kind kind, String language, RawArticle record) {
  }

  /** Shares of the languages among unique articles, Korean first. */
  static final Map<String, Double> LANGUAGES = languages();

  /** How far back in event time a repeat's original may be. */
  static final Duration REPEAT_WINDOW = Duration.ofHours(1);
  private static final int MAX_ORIGINALS = 2000;
  private static final String ID_PREFIX = "soak-";
  private static final List<String> OUTLETS = List.of("hankook", "maeil", "seoul-wire", "busan-daily",
      "newsflow-wire", "tech-times", "global-post");
  private static final String RESOURCE = "soak-languages.txt";

  /** The makings of one language's unique articles: titles, how many sentences, the words of its sentences. */
  private record Language(List<String> titles, List<Integer> sentenceCounts, List<String> words) {
  }

  /** Sentence lengths in words, as news writes them. */
  private static final int MIN_SENTENCE_WORDS = 8;
  private static final int MAX_SENTENCE_WORDS = 20;

  private record Original(Instant time, String language, RawArticle record) {
  }

  private final Map<String, Language> languages;
  private final long count;
  private final Instant start;
  private final Duration span;
  private final Mix mix;
  private final Random random;
  private final Deque<Original> originals = new ArrayDeque<>();
  private long next;

  SoakArticles(Map<String, Language> languages, long count, Instant start, Instant end, Mix mix, long randomSeed) {
    if (count < 1 || end.isBefore(start)) {
      throw new IllegalArgumentException("need at least one article and an end after the start");
    }
    this.languages = languages;
    this.count = count;
    this.start = start;
    this.span = Duration.between(start, end);
    this.mix = mix;
    this.random = new Random(randomSeed);
  }

  /** {@code count} articles made from the seed articles in {@code seeds}, event times from start to end. */
  public static SoakArticles fromSeeds(Path seeds, long count, Instant start, Instant end, Mix mix, long randomSeed) {
    Map<String, Language> byLanguage = new LinkedHashMap<>();
    for (Article seed : BenchCorpus.seedArticles(seeds)) {
      add(byLanguage, seed.getLanguage(), seed.getTitle(), SeedVariants.sentences(seed.getBody()));
    }
    readOtherLanguages(byLanguage);
    for (String language : LANGUAGES.keySet()) {
      if (!byLanguage.containsKey(language)) {
        throw new IllegalArgumentException("no seed article in " + language + " in " + seeds);
      }
    }
    return new SoakArticles(byLanguage, count, start, end, mix, randomSeed);
  }

  /** How many articles the feed has. */
  public long count() {
    return count;
  }

  /** Whether {@link #next()} has another article. */
  public boolean hasNext() {
    return next < count;
  }

  /** The id of article {@code index}. */
  public static String id(long index) {
    return String.format("%s%07d", ID_PREFIX, index);
  }

  /** The index of the article with {@code id}, or -1 when it is no article of a soak feed. */
  public static long indexOf(String id) {
    if (id == null || !id.startsWith(ID_PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(id, ID_PREFIX.length(), id.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The event time of article {@code index}: start + span * index / (count - 1), to the millisecond. */
  public Instant eventTime(long index) {
    if (count == 1) {
      return start;
    }
    return start.plusMillis((long) (span.toMillis() * (index / (double) (count - 1))));
  }

  /** The next article. */
  public Item next() {
    if (!hasNext()) {
      throw new IllegalStateException("the feed's " + count + " articles were all sent");
    }
    long index = next++;
    Instant time = eventTime(index);
    while (!originals.isEmpty() && originals.peekFirst().time().isBefore(time.minus(REPEAT_WINDOW))) {
      originals.removeFirst();
    }
    Kind kind = originals.isEmpty() ? Kind.UNIQUE : mix.pick(random.nextDouble());
    if (kind == Kind.UNIQUE) {
      return unique(index, time);
    }
    Original original = pickOriginal();
    RawArticle base = original.record();
    RawArticle.Builder record = RawArticle.newBuilder(base).setId(id(index)).setPublishedAt(time).setFetchedAt(time)
        .setAttributes(Map.of(ArticleNormalizer.ATTR_UPDATED_AT, time.toString()));
    switch (kind) {
      // A re-poll: the same text and updatedAt; sent (and timed) now, so event times stay in feed order.
      case RESENT -> record.setAttributes(base.getAttributes());
      case REVISION -> record.setBody(base.getBody() + "\n\n"
          + body(languages.get(original.language()).words(), 1));
      case SYNDICATED -> record.setUrl(url(outletOtherThan(base.getUrl()), index))
          .setBody("[" + outletOtherThan(base.getUrl()) + "] " + withoutLastSentence(base.getBody()));
      case COPY -> record.setUrl(url(outletOtherThan(base.getUrl()), index));
      default -> throw new IllegalStateException("not a repeat: " + kind);
    }
    return new Item(index, kind, original.language(), record.build());
  }

  private Item unique(long index, Instant time) {
    String language = pickLanguage();
    Language makings = languages.get(language);
    int base = random.nextInt(makings.titles().size());
    // No numbered sentence as the bench's articles have: the dedup signature drops its number, which leaves a
    // passage every article of the language shares.
    String body = body(makings.words(), makings.sentenceCounts().get(base));
    RawArticle record = RawArticle.newBuilder()
        .setId(id(index))
        .setSource("newsflow soak")
        .setUrl(url(OUTLETS.get(random.nextInt(OUTLETS.size())), index))
        .setContentType(ArticleNormalizer.APPLICATION_JSON)
        .setTitle(title(makings.words()))
        .setBody(body)
        .setPublishedAt(time)
        .setFetchedAt(time)
        .setAttributes(Map.of(ArticleNormalizer.ATTR_UPDATED_AT, time.toString()))
        .build();
    originals.addLast(new Original(time, language, record));
    if (originals.size() > MAX_ORIGINALS) {
      originals.removeFirst();
    }
    return new Item(index, Kind.UNIQUE, language, record);
  }

  /**
   * {@code sentences} sentences of 8 to 20 words drawn from {@code words} (as often as the seeds use them), in
   * paragraphs of three. Unrelated articles share few five-word passages and few SimHash bands this way, as
   * unrelated news does; the seeds' sentences with their words shuffled (the bench's {@link SeedVariants}) gave
   * the dedup index passage keys of hundreds of articles, comparisons no real feed asks for.
   */
  private String body(List<String> words, int sentences) {
    StringBuilder body = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        body.append(s % 3 == 0 ? "\n\n" : " ");
      }
      int length = MIN_SENTENCE_WORDS + random.nextInt(MAX_SENTENCE_WORDS - MIN_SENTENCE_WORDS + 1);
      for (int w = 0; w < length; w++) {
        String word = words.get(random.nextInt(words.size()));
        body.append(w == 0 ? "" : " ").append(w == length - 1 ? stripEnd(word) + "." : stripEnd(word));
      }
    }
    return body.toString();
  }

  /** A headline of 5 to 9 words drawn from {@code words}: every article its own, as in a real feed. */
  private String title(List<String> words) {
    int length = 5 + random.nextInt(5);
    StringBuilder title = new StringBuilder();
    for (int w = 0; w < length; w++) {
      title.append(w == 0 ? "" : " ").append(stripEnd(words.get(random.nextInt(words.size()))));
    }
    return title.toString();
  }

  /** A word without the sentence end it may have carried in its seed sentence. */
  private static String stripEnd(String word) {
    int end = word.length();
    while (end > 1 && ".!?。".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(0, end);
  }

  private Original pickOriginal() {
    int skip = random.nextInt(originals.size());
    for (Original original : originals) {
      if (skip-- == 0) {
        return original;
      }
    }
    throw new IllegalStateException("no original");
  }

  private String pickLanguage() {
    double r = random.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> language : LANGUAGES.entrySet()) {
      r -= language.getValue();
      last = language.getKey();
      if (r < 0) {
        break;
      }
    }
    return last;
  }

  private String outletOtherThan(String url) {
    String outlet;
    do {
      outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
    } while (url != null && url.startsWith("https://" + outlet + "."));
    return outlet;
  }

  private static String url(String outlet, long index) {
    return "https://" + outlet + ".soak.newsflow.example/news/" + id(index);
  }

  /** The body without its last sentence (a syndicated copy is often cut at the end). */
  static String withoutLastSentence(String body) {
    int end = Math.max(body.lastIndexOf(". ", body.length() - 2), body.lastIndexOf(".\n", body.length() - 2));
    return end > 0 ? body.substring(0, end + 1) : body;
  }

  private static void add(Map<String, Language> byLanguage, String language, String title, List<String> sentences) {
    if (sentences.isEmpty()) {
      return;
    }
    Language makings = byLanguage.computeIfAbsent(language,
        l -> new Language(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    makings.titles().add(title);
    makings.sentenceCounts().add(Math.max(sentences.size(), 3));
    sentences.forEach(sentence -> makings.words().addAll(List.of(sentence.split("\\s+"))));
  }

  private static void readOtherLanguages(Map<String, Language> byLanguage) {
    try (InputStream in = SoakArticles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String language = null;
      String title = null;
      List<String> sentences = new ArrayList<>();
      for (String line = reader.readLine(); ; line = reader.readLine()) {
        if (line == null || line.isBlank()) {
          if (language != null) {
            add(byLanguage, language, title, sentences);
          }
          language = null;
          sentences = new ArrayList<>();
          if (line == null) {
            return;
          }
        } else if (!line.startsWith("#")) {
          if (language == null) {
            int colon = line.indexOf(':');
            language = line.substring(0, colon).strip();
            title = line.substring(colon + 1).strip();
          } else {
            sentences.add(line.strip());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Map<String, Double> languages() {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("ko", 0.60);
    shares.put("en", 0.30);
    shares.put("de", 0.04);
    shares.put("fr", 0.03);
    shares.put("es", 0.03);
    return Collections.unmodifiableMap(shares);
  }
}
