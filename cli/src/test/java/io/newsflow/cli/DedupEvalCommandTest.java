package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DedupEvalCommandTest {

  private static final String STORY = "Northwind Rail agreed on Tuesday to buy 40 battery-powered trains from Calder"
      + " Works for 1.2 billion pounds, the largest order for battery trains in Europe so far, the two companies"
      + " said.\\n\\nThe trains will replace diesel units on unelectrified lines in northern England and Scotland"
      + " from 2029. Each train can run 120 kilometres on a single charge and recharges in ten minutes.\\n\\n"
      + "Shares in Calder Works rose 6 percent in early trading in London.";

  @TempDir
  Path dir;

  @Test
  void copyWithATrimmedParagraphIsPrintedAsNearDuplicateWithItsEvidence() throws Exception {
    String trimmed = STORY.substring(0, STORY.lastIndexOf("\\n\\n"));
    Files.writeString(dir.resolve("articles.jsonl"), String.join("\n",
        "{\"id\": \"wire\", \"url\": \"https://wire.example/a\", \"title\": \"Northwind orders trains\","
            + " \"publishedAt\": \"2025-03-04T09:00:00Z\", \"body\": \"" + STORY + "\"}",
        "{\"id\": \"copy\", \"url\": \"https://copy.example/b\", \"title\": \"Battery trains for Northwind\","
            + " \"publishedAt\": \"2025-03-04T10:00:00Z\", \"body\": \"" + trimmed + "\"}",
        "{\"id\": \"other\", \"url\": \"https://wire.example/c\", \"title\": \"Rain in Derby\","
            + " \"publishedAt\": \"2025-03-04T11:00:00Z\", \"body\": \"Rain fell across Derby for a third day,"
            + " flooding fields and closing roads as the river burst its banks near the station and families"
            + " left their homes for higher ground while the council opened two schools as shelters.\"}"),
        StandardCharsets.UTF_8);

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Newsflow()).execute("dedup-eval", "--show-near", "1", dir.toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(output).isEqualTo(ExitCodes.OK);
    assertThat(output).containsPattern("NEAR +copy  of  wire  distance=\\d+ containment=1\\.00 resemblance=0\\.\\d\\d")
        .contains("not-duplicate")
        .contains("articles: 3 read, 3 normalized, 2 counted; duplicates: 1 (EXACT_URL 0, EXACT_CONTENT 0,"
            + " REVISION 0, NEAR 1)");
  }
}
