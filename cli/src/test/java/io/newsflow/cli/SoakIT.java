package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.cli.bench.SoakChart;
import io.newsflow.cli.bench.SoakSample;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow soak} end to end, small: 3000 articles over 30 days of event time through a local stack, sampled
 * every 3 s. Every article must be accounted for, the CSV must hold the samples (positive memory figures,
 * throughputs that add up to the articles out) and the PNG must be a chart of the size drawn.
 */
class SoakIT {

  private static final int ARTICLES = 3000;

  @TempDir
  Path dir;

  @Test
  void aSmallSoakAccountsForEveryArticleAndWritesItsSamplesAndChart() throws Exception {
    Path csv = dir.resolve("soak.csv");
    Path png = dir.resolve("charts").resolve("soak.png");
    StringBuilder output = new StringBuilder();
    int exit = run(output, "--articles", Integer.toString(ARTICLES), "--days", "30", "--sample-every", "3s",
        "--threads", "1", "--csv", csv.toString(), "--png", png.toString(), "--timeout", "PT3M");

    assertThat(exit).as(output.toString()).isEqualTo(ExitCodes.OK);
    Matcher totals = find(output, "(?m)^soak: 3000 sent, 3000 out in ([0-9.]+) s: ([0-9.]+) articles/s \\((\\d+) "
        + "unique, (\\d+) duplicates, (\\d+) dead letters\\); sent by kind \\{UNIQUE=(\\d+), RESENT=\\d+, "
        + "REVISION=\\d+, SYNDICATED=\\d+, COPY=\\d+\\}");
    long unique = Long.parseLong(totals.group(3));
    long duplicates = Long.parseLong(totals.group(4));
    assertThat(unique + duplicates + Long.parseLong(totals.group(5))).isEqualTo(ARTICLES);
    // Every repeat but a syndicated copy dedup did not take for one is a duplicate.
    assertThat(unique).isBetween(Long.parseLong(totals.group(6)), Long.parseLong(totals.group(6)) + 100);
    assertThat(output).contains("every article sent came out on news.articles, news.duplicates or news.dlq")
        .containsPattern("(?m)^peaks: heap used [0-9.]+ MiB, heap after GC [0-9.]+ MiB \\(of [0-9]+ MiB max heap\\)");

    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(SoakSample.header(SoakCommand.IN_MEMORY_STORES, SoakCommand.ROCKSDB_STORES));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    double previousElapsed = 0;
    long previousOut = 0;
    double summed = 0;
    for (String[] row : rows) {
      assertThat(row).hasSize(header.size());
      assertThat(cell(header, row, "heap_used_mb")).isPositive();
      assertThat(cell(header, row, "rss_mb")).isGreaterThan(cell(header, row, "heap_used_mb") / 2);
      assertThat(cell(header, row, "heap_max_mb")).isGreaterThanOrEqualTo(cell(header, row, "heap_used_mb"));
      double elapsed = cell(header, row, "elapsed_s");
      long out = (long) cell(header, row, "out");
      assertThat(elapsed).isGreaterThanOrEqualTo(previousElapsed);
      assertThat(out).isGreaterThanOrEqualTo(previousOut).isLessThanOrEqualTo((long) cell(header, row, "sent"));
      summed += cell(header, row, "articles_per_s") * (elapsed - previousElapsed);
      previousElapsed = elapsed;
      previousOut = out;
    }
    String[] last = rows.get(rows.size() - 1);
    assertThat(cell(header, last, "out")).isEqualTo(ARTICLES);
    assertThat(cell(header, last, "unique")).isEqualTo(unique);
    // The throughput of each interval times its length adds up to the articles out (rounding: 0.005 articles/s, 1 ms).
    assertThat(summed).isCloseTo(ARTICLES, within(0.005 * ARTICLES));
    assertThat(cell(header, last, "state_dir_mb")).isPositive();
    assertThat(cell(header, last, "entries_trend-keyword-tallies")).isPositive();
    assertThat(cell(header, last, "keys_dedup-items")).isPositive();

    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(SoakChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(SoakChart.HEIGHT);
  }

  private static double cell(List<String> header, String[] row, String column) {
    int i = header.indexOf(column);
    assertThat(i).as(column).isNotNegative();
    return Double.parseDouble(row[i]);
  }

  private static Matcher find(StringBuilder output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    assertThat(matcher.find()).as("%s in:%n%s", regex, output).isTrue();
    return matcher;
  }

  private static int run(StringBuilder output, String... options) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    String[] args = new String[options.length + 3];
    args[0] = "soak";
    args[1] = "--seeds";
    args[2] = Path.of("..", "seeds").toString();
    System.arraycopy(options, 0, args, 3, options.length);
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      return new CommandLine(new Newsflow()).execute(args);
    } finally {
      System.setOut(original);
      output.append(captured.toString(StandardCharsets.UTF_8));
    }
  }
}
