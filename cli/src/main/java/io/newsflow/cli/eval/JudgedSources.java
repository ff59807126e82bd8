package io.newsflow.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text of judged articles: shipped files through the producer's own readers (as the pipeline reads
 * them), corpus references from {@code ../shared/corpora} by line or Reuters NEWID. Corpus text stays where it
 * is: the repository commits only the reference. Files read once and cached.
 */
public final class JudgedSources {

  /** Stands in for the title of a corpus line that has none (the normalizer needs one); it yields no keyword. */
  static final String NO_TITLE = "-";
  private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

  private final Path corpus;
  private final Map<Path, List<String>> lines = new HashMap<>();
  private final Map<Path, Map<String, RawArticle>> reuters = new HashMap<>();

  public JudgedSources(Path corpus) {
    this.corpus = corpus;
  }

  /** The article's raw record, or empty when its corpus file is not on this machine. */
  public Optional<RawArticle> read(Judgements.Judged judged) {
    JsonNode source = judged.source();
    if (source.has("file")) {
      Path file = judged.judgementFile().resolveSibling(source.get("file").asText());
      List<RawArticle> records = ProducerRun.dryRun().run(List.of(file)).records();
      if (records.size() != 1) {
        throw new IllegalArgumentException(judged.id() + ": " + file + " holds " + records.size() + " articles, not 1");
      }
      return Optional.of(records.get(0));
    }
    Path file = corpus.resolve(source.path("corpus").asText());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (source.has("newid")) {
      RawArticle found = reuters.computeIfAbsent(file, JudgedSources::readReuters)
          .get("reuters-" + source.get("newid").asText());
      if (found == null) {
        throw new IllegalArgumentException(judged.id() + ": no NEWID " + source.get("newid") + " in " + file);
      }
      return Optional.of(found);
    }
    int n = source.path("line").asInt(0);
    List<String> all = lines.computeIfAbsent(file, JudgedSources::readLines);
    if (n < 1 || n > all.size()) {
      throw new IllegalArgumentException(judged.id() + ": " + file + " has no line " + n);
    }
    String line = all.get(n - 1);
    String name = file.getFileName().toString();
    if (name.endsWith(".tsv")) {
      String[] cells = line.split("\t", 4);
      return Optional.of(raw(judged, cells[2], cells.length > 3 ? cells[3] : "", cells[0]));
    }
    if (name.endsWith(".csv")) {
      List<String> cells = csv(line);
      return Optional.of(raw(judged, cells.get(0), cells.get(3).replaceAll("</?b>", ""), cells.get(1)));
    }
    return Optional.of(raw(judged, NO_TITLE, line, null));
  }

  private static RawArticle raw(Judgements.Judged judged, String title, String body, String url) {
    return RawArticle.newBuilder()
        .setId(judged.id())
        .setSource(judged.source().toString())
        .setUrl(url)
        .setContentType(ArticleNormalizer.APPLICATION_JSON)
        .setTitle(title.isBlank() ? NO_TITLE : title)
        .setBody(body)
        .setFetchedAt(FETCHED)
        .build();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, RawArticle> readReuters(Path file) {
    ProducerSummary read = ProducerRun.dryRun().run(List.of(file));
    Map<String, RawArticle> byId = new HashMap<>();
    read.records().forEach(r -> byId.put(r.getId(), r));
    return byId;
  }

  private static List<String> csv(String line) {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(line)) {
      return rows.next();
    } catch (IOException e) {
      throw new UncheckedIOException("not a CSV row: " + line, e);
    }
  }
}
