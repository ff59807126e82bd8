package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersArticlesTest {

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123Z");
  private static final String HOST = "test-host";

  @TempDir
  Path temp;

  @Test
  void storyWithBodyKeepsItsWordsWithoutSignOffAndWithEntitiesDecoded() {
    Path file = fixture("sample.sgm");

    SourceBatch batch = read(file);

    assertThat(batch.failures()).isEmpty();
    RawArticle story = batch.articles().get(0);
    assertThat(story.getId()).isEqualTo("reuters-101");
    assertThat(story.getSource()).isEqualTo("file:" + file);
    assertThat(story.getContentType()).isEqualTo("text/plain");
    assertThat(story.getUrl()).isNull();
    assertThat(story.getTitle()).isEqualTo("FREEDONIA COFFEE GROWERS SEE <LARGER> CROP");
    assertThat(story.getBody()).isEqualTo("Coffee growers in Freedonia expect a\n"
        + "larger crop this season, the <Freedonia Growers & Roasters Union>\n"
        + "said on Monday.\n"
        + "    The union said rains in the hill districts came early.");
    assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("1987-10-19T09:15:32.110Z"));
    assertThat(story.getFetchedAt()).isEqualTo(NOW);
    assertThat(story.getAttributes()).isEqualTo(Map.of(
        "source.path", file.toString(),
        "source.line", "2",
        "source.format", "reuters-sgml",
        "producer.host", HOST,
        "publisher", "Reuters",
        "authors", "Jane Roe, John Doe",
        "section", "coffee",
        "language", "en"));
  }

  @Test
  void everyDocumentOfTheFileIsOneArticleInFileOrder() {
    SourceBatch batch = read(fixture("sample.sgm"));

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles())
        .extracting(RawArticle::getId, RawArticle::getTitle, RawArticle::getPublishedAt,
            article -> article.getAttributes().get("source.line"), article -> article.getAttributes().get("section"))
        .containsExactly(
            tuple("reuters-101", "FREEDONIA COFFEE GROWERS SEE <LARGER> CROP",
                Instant.parse("1987-10-19T09:15:32.110Z"), "2", "coffee"),
            tuple("reuters-102", "WIDGET ORDERS ROSE 2.5 PCT IN SEPTEMBER",
                Instant.parse("1987-10-19T10:02:00.500Z"), "24", null),
            tuple("reuters-103", "RURITANIA BUYS 40,000 TONNES OF OATS",
                Instant.parse("1987-04-05T01:53:30.380Z"), "43", "grain"),
            tuple("reuters-104", null, Instant.parse("1987-10-20T12:40:00Z"), "62", null));
  }

  @Test
  void briefWithoutBodyTakesItsHeadlineAsBodyNotThePlaceholder() {
    RawArticle brief = read(fixture("sample.sgm")).articles().get(1);

    assertThat(brief.getBody()).isEqualTo("WIDGET ORDERS ROSE 2.5 PCT IN SEPTEMBER");
    assertThat(brief.getAttributes()).doesNotContainKey("authors").containsEntry("publisher", "Reuters");
  }

  @Test
  void upperCaseSignOffIsDroppedAndAMalformedDateIsReadLeniently() {
    RawArticle oats = read(fixture("sample.sgm")).articles().get(2);

    assertThat(oats.getBody()).isEqualTo("Ruritania bought 40,000 tonnes of oats\nfor shipment in May, traders said.");
    assertThat(oats.getPublishedAt()).isEqualTo(Instant.parse("1987-04-05T01:53:30.380Z"));
  }

  @Test
  void unprocessedDocumentIsSentWithItsWholeTextAsBody() {
    RawArticle table = read(fixture("sample.sgm")).articles().get(3);

    assertThat(table.getTitle()).isNull();
    assertThat(table.getBody()).isEqualTo("WIDGET INDEX - WEEKLY TABLE\n"
        + "    Week ended Oct 16\n"
        + " Small widgets.........101.2 vs.....100.9\n"
        + " Large widgets..........98.7 vs......99.1");
  }

  @Test
  void unprocessedFlashOfOneLineIsAHeadlineLikeABrief() throws IOException {
    Path file = Files.writeString(temp.resolve("flash.sgm"), "<REUTERS NEWID=\"8\">\n"
        + "<DATE>30-MAR-1987 10:30:56.54</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\nFREEDONIA BANK STRIKE GOES ON\n\n&#3;\n"
        + "</TEXT>\n</REUTERS>\n");

    RawArticle flash = read(file).articles().get(0);

    assertThat(flash.getTitle()).isEqualTo("FREEDONIA BANK STRIKE GOES ON");
    assertThat(flash.getBody()).isEqualTo("FREEDONIA BANK STRIKE GOES ON");
  }

  @Test
  void documentWithoutAUsableDateIsReportedNotSentAsTodaysNews() throws IOException {
    Path file = Files.writeString(temp.resolve("undated.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        + "<REUTERS NEWID=\"1\">\n<DATE>31-MAR-1987 605:12:19.12</DATE>\n"
        + "<TEXT><TITLE>IMPOSSIBLE HOUR</TITLE><BODY>Told.</BODY></TEXT>\n</REUTERS>\n"
        + "<REUTERS NEWID=\"2\">\n<TEXT><TITLE>NO DATE</TITLE><BODY>Told too.</BODY></TEXT>\n</REUTERS>\n"
        + "<REUTERS NEWID=\"3\">\n<DATE>1-APR-1987 10:00:00.00</DATE>\n"
        + "<TEXT><TITLE>DATED</TITLE><BODY>Sent.</BODY></TEXT>\n</REUTERS>\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getId, RawArticle::getPublishedAt)
        .containsExactly(tuple("reuters-3", Instant.parse("1987-04-01T10:00:00Z")));
    assertThat(batch.failures()).containsExactly(
        new Failure(file + ":2", "document 1 has no usable <DATE> (31-MAR-1987 605:12:19.12): sent without it, an "
            + "archived story would count as news of the moment it is read"),
        new Failure(file + ":6", "document 2 has no <DATE>: sent without it, an archived story would count as "
            + "news of the moment it is read"));
  }

  @Test
  void brokenDocumentIsReportedAtItsLineAndTheOthersStillGo() throws IOException {
    Path file = Files.writeString(temp.resolve("wire.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        + "<REUTERS NEWID=\"1\">\n<DATE>19-OCT-1987 09:00:00.00</DATE>\n"
        + "<TEXT><TITLE>FIRST</TITLE><BODY>First story.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        + "<REUTERS OLDID=\"7\">\n<TEXT><TITLE>NO ID</TITLE><BODY>Lost.</BODY></TEXT>\n</REUTERS>\n"
        + "<REUTERS NEWID=\"3\">\n<DATE>19-OCT-1987 09:01:00.00</DATE>\n"
        + "<TEXT><TITLE>EMPTY</TITLE><BODY>Unclosed <BODY\n"
        + "<REUTERS NEWID=\"4\">\n<TEXT TYPE=\"UNPROC\">&#2;&#3;</TEXT>\n</REUTERS>\n"
        + "<REUTERS NEWID=\"5\">\n<DATE>19-OCT-1987 09:02:00.00</DATE>\n"
        + "<TEXT><TITLE>LAST</TITLE><BODY>Last story.</BODY></TEXT>\n</REUTERS>\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getId, RawArticle::getBody).containsExactly(
        tuple("reuters-1", "First story."),
        tuple("reuters-3", "Unclosed"),
        tuple("reuters-5", "Last story."));
    assertThat(batch.failures()).containsExactly(
        new Failure(file + ":8", "<REUTERS> without a numeric NEWID attribute (the article id is made from it)"),
        new Failure(file + ":14", "document 4 has no text (no BODY, TITLE or unprocessed TEXT)"));
  }

  @Test
  void fileWithoutAnyDocumentFailsWhole() throws IOException {
    Path file = Files.writeString(temp.resolve("empty.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).isEmpty();
    assertThat(batch.failures()).containsExactly(new Failure(file.toString(), "no <REUTERS> document in the file"));
  }

  @Test
  void strayLatin1ByteIsDecodedInsteadOfFailingTheWholeFile() throws IOException {
    byte[] head = "<REUTERS NEWID=\"9\">\n<DATE>2-MAR-1987 10:00:00.00</DATE>\n<TEXT><TITLE>T</TITLE><BODY>Caf"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = " prices.</BODY></TEXT>\n</REUTERS>\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Path file = Files.write(temp.resolve("latin.sgm"), bytes);

    SourceBatch batch = read(file);

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles()).extracting(RawArticle::getBody).containsExactly("Café prices.");
    assertThat(batch.articles().get(0).getAttributes()).containsEntry("source.charset", "ISO-8859-1");
  }

  @Test
  void directoryWithAnSgmFileIsReadThroughTheProducerRunTheCliUsesAndItsDtdIsNotAnArticle() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("corpus"));
    Path copy = Files.copy(fixture("sample.sgm"), dir.resolve("reut2-000.sgm"));
    Files.writeString(dir.resolve("lewis.dtd"), "<!ELEMENT LEWIS O O (REUTERS+)>\n");

    ProducerSummary summary = ProducerRun.dryRun().withClockAndHost(Clock.fixed(NOW, ZoneOffset.UTC), HOST)
        .run(List.of(dir));

    assertThat(summary.failures()).isEmpty();
    assertThat(summary.filesRead()).isEqualTo(1);
    assertThat(summary.records()).extracting(RawArticle::getId)
        .containsExactly("reuters-101", "reuters-102", "reuters-103", "reuters-104");
    assertThat(summary.records().get(0).getAttributes())
        .containsEntry("source.path", copy.toString())
        .containsEntry("source.format", "reuters-sgml");
  }

  private static SourceBatch read(Path... inputs) {
    return new ArticleSource(List.of(inputs), Clock.fixed(NOW, ZoneOffset.UTC), HOST).readAll();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ReutersArticlesTest.class.getResource("/reuters").toURI()).resolve(name);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
