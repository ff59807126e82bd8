package io.newsflow.cli.bench;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.producer.RecordJson;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The articles of one benchmark run. Whatever their origin (generated from the seeds, lines of a text corpus,
 * files in the producer's formats), they are written to one JSON Lines file that the producer sends, and read
 * back through the producer's own reader and the streams app's normalizer for the standalone analyzer, so both
 * halves of the benchmark see exactly the same articles.
 */
public final class BenchCorpus {

  /** One article as the benchmark writes it for the producer. */
  record Entry(String id, String url, String title, String body, Instant publishedAt) {
  }

  private final String description;
  private final Path jsonLines;
  private final List<RawArticle> raw;
  private final List<Article> normalized;
  private final long bytes;
  private final int notNormalized;

  private BenchCorpus(String description, Path jsonLines, List<RawArticle> raw, List<Article> normalized,
      int notNormalized) {
    this.description = description;
    this.jsonLines = jsonLines;
    this.raw = List.copyOf(raw);
    this.normalized = List.copyOf(normalized);
    this.notNormalized = notNormalized;
    long total = 0;
    for (Article a : normalized) {
      total += a.getTitle().getBytes(StandardCharsets.UTF_8).length;
      total += a.getBody().getBytes(StandardCharsets.UTF_8).length;
    }
    this.bytes = total;
  }

  /**
   * {@code count} articles made from the seed articles in {@code seeds} ({@link SeedVariants}), written under
   * {@code workDir}.
   */
  public static BenchCorpus generated(Path seeds, int count, Path workDir) {
    return generated(seeds, count, workDir, "bench-", 20250224L, "");
  }

  /**
   * {@code count} articles to warm the pipeline up with before the measured run: generated from the seeds like
   * {@link #generated(Path, int, Path)}, but none of them a duplicate of a measured article, whatever the
   * corpus.
   */
  public static BenchCorpus warmUp(Path seeds, int count, Path workDir) {
    return generated(seeds, count, workDir, "bench-warm-up-", 19871019L, "-warm-up");
  }

  private static BenchCorpus generated(Path seeds, int count, Path workDir, String idPrefix, long randomSeed,
      String fileSuffix) {
    List<Article> bases = seedArticles(seeds);
    List<Entry> entries = SeedVariants.generate(bases, count, startOfRun(count), idPrefix, randomSeed);
    return write(entries, count + " articles generated from " + seeds + " (" + bases.size()
        + " seed articles, sentences sampled and their words shuffled)", workDir.resolve(
            "bench-corpus" + fileSuffix + ".jsonl"));
  }

  /**
   * The seed articles in {@code seeds}, normalized, syndicated copies among them left out: what generated corpora
   * are made of.
   *
   * @throws IllegalArgumentException when there is none
   */
  static List<Article> seedArticles(Path seeds) {
    List<Article> bases = normalizedFrom(ProducerRun.dryRun().run(List.of(seeds)).records());
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("no article in " + seeds + " to generate a corpus from");
    }
    return bases;
  }

  /**
   * One article per non-blank line of the text files ({@link CorpusLines}), at most {@code max} (0: all); the
   * title is the line's first words.
   */
  public static BenchCorpus fromLines(List<Path> inputs, int max, Path workDir) {
    List<CorpusLines.Line> lines = CorpusLines.read(inputs);
    int count = max > 0 ? Math.min(max, lines.size()) : lines.size();
    Instant start = startOfRun(count);
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      CorpusLines.Line line = lines.get(i);
      String id = "bench-line-" + line.file().getFileName() + "-" + line.number();
      entries.add(new Entry(id, null, firstWords(line.text(), 8), line.text(), start.plusSeconds(i)));
    }
    return write(entries, count + " articles, one per line of " + inputs, workDir.resolve("bench-corpus.jsonl"));
  }

  /** The articles of {@code inputs} in the producer's formats, normalized, at most {@code max} (0: all). */
  public static BenchCorpus fromArticles(List<Path> inputs, int max, Path workDir) {
    List<Article> articles = normalizedFrom(ProducerRun.dryRun().run(inputs).records());
    int count = max > 0 ? Math.min(max, articles.size()) : articles.size();
    Instant start = startOfRun(count);
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Article a = articles.get(i);
      entries.add(new Entry(a.getId(), a.getUrl(), a.getTitle(), a.getBody(), start.plusSeconds(i)));
    }
    return write(entries, count + " articles from " + inputs, workDir.resolve("bench-corpus.jsonl"));
  }

  /** What the corpus is, for the report. */
  public String description() {
    return description;
  }

  /** The JSON Lines file the producer sends. */
  public Path jsonLines() {
    return jsonLines;
  }

  /** The records the producer sends, as its dry run reads them. */
  public List<RawArticle> raw() {
    return raw;
  }

  /** The articles as the streams app normalizes them; records it rejects are not here. */
  public List<Article> normalized() {
    return normalized;
  }

  /** How many records the normalizer rejected (they become dead letters in the pipeline). */
  public int notNormalized() {
    return notNormalized;
  }

  /** UTF-8 bytes of the normalized titles and bodies: the text both halves of the benchmark analyze. */
  public long bytes() {
    return bytes;
  }

  /** The ids the producer sends, in order. */
  public Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    raw.forEach(r -> ids.add(r.getId()));
    return ids;
  }

  /** Articles per language code, e.g. {en=600, ko=2400}. */
  public Map<String, Integer> languages() {
    Map<String, Integer> counts = new TreeMap<>();
    normalized.forEach(a -> counts.merge(a.getLanguage(), 1, Integer::sum));
    return counts;
  }

  /**
   * Event times one second apart, ending now: the pipeline sees a live-looking feed whose windows stay open
   * during the run.
   */
  private static Instant startOfRun(int count) {
    return Instant.ofEpochSecond(Instant.now().getEpochSecond() - count);
  }

  private static String firstWords(String text, int words) {
    String[] parts = text.split("\\s+", words + 1);
    return String.join(" ", Arrays.asList(parts).subList(0, Math.min(words, parts.length)));
  }

  private static List<Article> normalizedFrom(List<RawArticle> records) {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> out = new ArrayList<>();
    Map<String, Boolean> bodies = new HashMap<>();
    for (RawArticle record : records) {
      try {
        Article article = normalizer.normalize(record);
        // Syndicated copies among the sources would only be duplicates in the pipeline.
        if (bodies.putIfAbsent(article.getBody(), Boolean.TRUE) == null) {
          out.add(article);
        }
      } catch (RuntimeException e) {
        // Left out: a benchmark measures articles the pipeline can count.
      }
    }
    return out;
  }

  private static BenchCorpus write(List<Entry> entries, String description, Path file) {
    Instant now = Instant.now();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        RawArticle record = RawArticle.newBuilder()
            .setId(e.id())
            .setSource("newsflow bench")
            .setUrl(e.url())
            .setContentType(ArticleNormalizer.APPLICATION_JSON)
            .setTitle(e.title())
            .setBody(e.body())
            .setPublishedAt(e.publishedAt())
            .setFetchedAt(now)
            .build();
        out.write(RecordJson.toJson(record));
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    ProducerSummary read = ProducerRun.dryRun().run(List.of(file));
    List<RawArticle> raw = read.records();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> normalized = new ArrayList<>(raw.size());
    int rejected = 0;
    for (RawArticle record : raw) {
      try {
        normalized.add(normalizer.normalize(record));
      } catch (RuntimeException e) {
        rejected++;
      }
    }
    return new BenchCorpus(description, file, raw, normalized, rejected);
  }
}
