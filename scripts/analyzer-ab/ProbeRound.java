import io.newsflow.cli.bench.AnalyzerBench;
import io.newsflow.cli.bench.BenchCorpus;
import io.newsflow.streams.keywords.KeywordConfig;
import java.nio.file.*;
import java.util.*;

/** Loaded once per jar (own class loader): prepares the corpus once, then times one analyzer round per call. */
public class ProbeRound {
  static List<io.newsflow.avro.Article> all;
  static long bytes;

  public static void prepare(String lines, String articles, int max) throws Exception {
    Path work = Files.createTempDirectory("probe-round");
    if (lines.equals("generated")) {
      BenchCorpus g = BenchCorpus.generated(Path.of(articles), max, Files.createDirectories(work.resolve("g")));
      all = new ArrayList<>(g.normalized());
      bytes = g.bytes();
      return;
    }
    BenchCorpus a = BenchCorpus.fromLines(List.of(Path.of(lines)), max, Files.createDirectories(work.resolve("a")));
    BenchCorpus b = BenchCorpus.fromArticles(Arrays.stream(articles.split(",")).map(Path::of).toList(), max,
        Files.createDirectories(work.resolve("b")));
    all = new ArrayList<>(a.normalized());
    all.addAll(b.normalized());
    bytes = a.bytes() + b.bytes();
  }

  /** {articles/s, CPU ms per article}. */
  public static double[] round() {
    AnalyzerBench.Result r = AnalyzerBench.run(all, bytes, 2, KeywordConfig.defaults());
    return new double[] {r.articlesPerSecond(), r.cpuNanosPerArticle() / 1e6};
  }
}
