package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow keyword-candidates} on made-up Korean articles, one per line and as JSON. */
class CandidatesCommandTest {

  @TempDir
  Path dir;

  private String run(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Newsflow()).execute(args);
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isEqualTo(ExitCodes.OK);
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesOfATextCorpusGiveTheFrequentUnknownWordsInTheDictionaryFormat() throws IOException {
    Path corpus = dir.resolve("news.txt");
    Files.write(corpus, List.of(
        "퀀텀리프가 새 칩을 공개했다. 퀀텀리프 대표는 팔란티어와 협력한다고 밝혔다.",
        "",
        "퀀텀리프의 경쟁사 한빛양자도 주목받는다. 팔란티어는 답하지 않았다.",
        "Kestrel shares rose on Monday after the chipmaker reported results."), StandardCharsets.UTF_8);

    String output = run("keyword-candidates", "--lines", corpus.toString(), "--user-dictionary", "none");

    assertThat(output.lines().toList()).containsExactly(
        "# newsflow keyword-candidates: 3 articles read, 2 in Korean; user dictionary: none (0 entries)",
        "# Words Nori does not know with at least 2 occurrences: 2; the 2 most frequent follow.",
        "# Each line is a Nori user-dictionary entry; keep those you agree with and add them to the file"
            + " newsflow.keywords.user-dictionary names.",
        "퀀텀리프\t# 3 times in 2 articles, joined, Nori: 퀀텀/NNP 리프/NNG",
        "팔란티어\t# 2 times in 2 articles, split, Nori: 팔/VV 란/E 티어/NNG");
  }

  @Test
  void articlesInTheProducersFormatsAreNormalizedFirstAndTheShippedDictionaryIsKnown() throws IOException {
    Path json = dir.resolve("articles.jsonl");
    Files.write(json, List.of(
        "{\"id\": \"a1\", \"title\": \"퀀텀리프 투자 유치\", \"body\": \"퀀텀리프가 팔란티어에서 투자를 받았다.\"}",
        "{\"id\": \"a2\", \"title\": \"한빛양자 상장\", \"body\": \"한빛양자가 상장한다. 퀀텀리프도 검토 중이다.\"}"),
        StandardCharsets.UTF_8);

    String output = run("keyword-candidates", json.toString(), "--min-count", "1", "--top", "1");

    assertThat(output.lines().toList()).containsExactly(
        "# newsflow keyword-candidates: 2 articles read, 2 in Korean; user dictionary: built-in"
            + " user-dictionary-ko.txt (46 entries)",
        "# Words Nori does not know with at least 1 occurrences: 2; the 1 most frequent follow.",
        "# Each line is a Nori user-dictionary entry; keep those you agree with and add them to the file"
            + " newsflow.keywords.user-dictionary names.",
        "퀀텀리프\t# 3 times in 2 articles, joined, Nori: 퀀텀/NNP 리프/NNG");
  }
}
