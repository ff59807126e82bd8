package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
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

class ArticleSourceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123Z");
  private static final String HOST = "test-host";

  @TempDir
  Path temp;

  @Test
  void portalTextFileIsSentWholeWithAContentId() throws IOException {
    Path seed = fixture("seed-ko.txt");

    SourceBatch batch = read(seed);

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.filesRead()).isEqualTo(1);
    RawArticle article = batch.articles().get(0);
    assertThat(article.getId()).isEqualTo("sha256:bfc566e9de7cdd4879d9a20af7263efb");
    assertThat(article.getSource()).isEqualTo("file:" + seed);
    assertThat(article.getContentType()).isEqualTo("text/plain");
    assertThat(article.getBody()).isEqualTo(Files.readString(seed));
    assertThat(article.getBody()).startsWith("IT IT일반\n\n美·中 AI 패권 경쟁 '2라운드' 전운...한국은?");
    assertThat(article.getTitle()).isNull();
    assertThat(article.getUrl()).isNull();
    assertThat(article.getPublishedAt()).isNull();
    assertThat(article.getFetchedAt()).isEqualTo(NOW);
    assertThat(article.getAttributes()).isEqualTo(Map.of(
        "source.path", seed.toString(),
        "source.format", "portal-text",
        "producer.host", HOST));
  }

  @Test
  void jsonObjectMapsFieldsAndIsKeyedByItsCanonicalUrl() {
    Path file = fixture("article.json");

    SourceBatch batch = read(file);

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles()).hasSize(1);
    RawArticle article = batch.articles().get(0);
    assertThat(article.getId()).isEqualTo("https://news.example.com/articles/2025/03/subway?id=42");
    assertThat(article.getUrl()).isEqualTo("HTTPS://News.Example.com:443/articles/2025/03/subway?id=42#comments");
    assertThat(article.getTitle()).isEqualTo("서울 지하철 2호선, 다음 달부터 심야 연장 운행 시범");
    assertThat(article.getBody()).isEqualTo("서울시는 다음 달부터 석 달 동안 지하철 2호선의 막차 시간을 새벽 1시 30분까지 "
        + "늦추는 시범 사업을 한다고 2일 밝혔다.\n시는 이용객 수와 안전 인력 운영 결과를 보고 연장 여부를 정할 계획이다.");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-02T00:30:00Z"));
    assertThat(article.getContentType()).isEqualTo("application/json");
    assertThat(article.getSource()).isEqualTo("file:" + file);
    assertThat(article.getAttributes()).isEqualTo(Map.of(
        "source.path", file.toString(),
        "source.format", "json",
        "producer.host", HOST,
        "publisher", "예시일보",
        "authors", "김하늘, 이바다",
        "section", "사회",
        "updatedAt", "2025-03-02T01:30:00Z",
        "language", "ko"));
  }

  @Test
  void jsonArrayYieldsEachObjectAndReportsBadElementsByIndex() {
    Path file = fixture("array.json");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getId)
        .containsExactly("feed-7781", "sha256:cc95c1a435b8ce7970956eededb049d3");
    RawArticle wire = batch.articles().get(0);
    assertThat(wire.getUrl()).isEqualTo("https://example.org/harbour-cranes");
    assertThat(wire.getTitle()).isEqualTo("Harbour cranes go electric");
    assertThat(wire.getBody()).startsWith("The port authority said on Monday");
    assertThat(wire.getPublishedAt()).isEqualTo(Instant.parse("2025-03-03T08:00:00Z"));
    assertThat(wire.getAttributes()).isEqualTo(Map.of(
        "source.path", file.toString(),
        "source.index", "0",
        "source.format", "json",
        "producer.host", HOST,
        "authors", "Jane Roe"));
    RawArticle korean = batch.articles().get(1);
    assertThat(korean.getUrl()).isNull();
    assertThat(korean.getBody()).isEqualTo("지난달 반도체 수출이 1년 전보다 늘어 석 달 연속 증가세를 이어갔다.");
    assertThat(korean.getPublishedAt()).isEqualTo(Instant.parse("2025-03-03T08:20:00Z"));
    assertThat(korean.getAttributes()).containsEntry("source.index", "1");
    assertThat(batch.failures()).containsExactly(
        new Failure(file + "[2]", "expected a JSON object, found string"),
        new Failure(file + "[3]", "missing body (expected a non-empty body, content or text field)"));
  }

  @Test
  void badJsonLineIsReportedWithItsLineNumberAndTheOtherLinesStillGo() {
    Path file = fixture("feed.jsonl");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getId).containsExactly("wire-1", "wire-3");
    assertThat(batch.articles()).extracting(RawArticle::getTitle).containsExactly("첫 번째 속보", "세 번째 속보");
    assertThat(batch.articles().get(0).getAttributes()).isEqualTo(Map.of(
        "source.path", file.toString(),
        "source.line", "1",
        "source.format", "jsonl",
        "producer.host", HOST,
        "publisher", "예시통신"));
    assertThat(batch.articles().get(1).getAttributes())
        .containsEntry("source.line", "4")
        .containsEntry("authors", "박구름");
    assertThat(batch.failures()).containsExactly(new Failure(file + ":3",
        "Unexpected end-of-input: expected close marker for Object (start marker at [line: 1, column: 1])"
            + " at column 57"));
    assertThat(batch.failures().get(0).format()).startsWith(file + ":3: Unexpected end-of-input");
  }

  @Test
  void brokenJsonFileIsReportedByNameWithJacksonsReasonAndPosition() {
    Path file = fixture("broken.json");

    SourceBatch batch = read(file);

    assertThat(batch.filesRead()).isEqualTo(1);
    assertThat(batch.articles()).isEmpty();
    assertThat(batch.failures()).containsExactly(new Failure(file.toString(),
        "Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null', 'true'"
            + " or 'false') at line 1 column 11"));
  }

  @Test
  void cp949TextFileIsDecodedAndMarkedWithItsCharset() throws IOException {
    Path file = temp.resolve("cp949.txt");
    Files.write(file, "IT 경제 뉴스\n\n반도체 수출 증가".getBytes(Charset.forName("MS949")));

    SourceBatch batch = read(file);

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles()).singleElement().satisfies(article -> {
      assertThat(article.getBody()).isEqualTo("IT 경제 뉴스\n\n반도체 수출 증가");
      assertThat(article.getId()).isEqualTo(ArticleIds.contentId("IT 경제 뉴스\n\n반도체 수출 증가"));
      assertThat(article.getAttributes()).containsEntry("source.charset", "CP949");
    });
  }

  @Test
  void utf8FileCarriesNoCharsetAttribute() throws IOException {
    Path file = Files.writeString(temp.resolve("utf8.txt"), "경제\n\n제목");

    assertThat(read(file).articles().get(0).getAttributes()).doesNotContainKey("source.charset");
  }

  @Test
  void jsonLinesMixingUtf8AndCp949AreDecodedPerLineAndAnUndecodableLineIsReported() throws IOException {
    Path file = temp.resolve("mixed.jsonl");
    Files.write(file, concat(concat(
        "{\"id\": \"u\", \"body\": \"유티에프 본문\"}\n".getBytes(StandardCharsets.UTF_8),
        "{\"id\": \"c\", \"body\": \"씨피 본문\"}\n".getBytes(Charset.forName("MS949"))),
        "{\"id\": \"l\", \"body\": \"caf\u00e9 cr\u00e8me\"}\n".getBytes(StandardCharsets.ISO_8859_1)));

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getId, RawArticle::getBody)
        .containsExactly(tuple("u", "유티에프 본문"), tuple("c", "씨피 본문"));
    assertThat(batch.articles().get(0).getAttributes()).doesNotContainKey("source.charset");
    assertThat(batch.articles().get(1).getAttributes()).containsEntry("source.charset", "CP949")
        .containsEntry("source.line", "2");
    assertThat(batch.failures()).containsExactly(new Failure(file + ":3",
        "undecodable bytes: neither UTF-8 nor CP949 Korean text (not sent)"));
  }

  @Test
  void undecodableLineInADocumentFailsTheWholeFile() throws IOException {
    Path file = temp.resolve("broken.txt");
    Files.write(file, concat("정치\n\n".getBytes(StandardCharsets.UTF_8),
        "caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1)));

    SourceBatch batch = read(file);

    assertThat(batch.articles()).isEmpty();
    assertThat(batch.failures()).containsExactly(new Failure(file.toString(),
        "line 3: undecodable bytes: neither UTF-8 nor CP949 Korean text (not sent)"));
  }

  @Test
  void byteOrderMarkIsNotPartOfTheBody() throws IOException {
    Path withBom = temp.resolve("bom.txt");
    Path without = temp.resolve("plain.txt");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(withBom, concat(bom, "정치\n\n제목".getBytes(StandardCharsets.UTF_8)));
    Files.writeString(without, "정치\n\n제목");

    List<RawArticle> articles = read(withBom, without).articles();

    assertThat(articles.get(0).getBody()).isEqualTo("정치\n\n제목");
    assertThat(articles.get(0).getId()).isEqualTo(articles.get(1).getId());
  }

  @Test
  void directoryIsWalkedInSortedOrderWithoutHiddenEntries() throws IOException {
    Files.createDirectories(temp.resolve("b/nested"));
    Files.createDirectories(temp.resolve(".git"));
    Files.writeString(temp.resolve("b/nested/z.txt"), "z body");
    Files.writeString(temp.resolve("b/a.txt"), "a body");
    Files.writeString(temp.resolve("c.txt"), "c body");
    Files.writeString(temp.resolve(".hidden.txt"), "hidden body");
    Files.writeString(temp.resolve(".git/config.txt"), "git body");

    SourceBatch batch = read(temp);

    assertThat(batch.filesRead()).isEqualTo(3);
    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles()).extracting(RawArticle::getBody).containsExactly("a body", "z body", "c body");
    assertThat(batch.articles()).extracting(RawArticle::getSource).containsExactly(
        "file:" + temp.resolve("b/a.txt"), "file:" + temp.resolve("b/nested/z.txt"), "file:" + temp.resolve("c.txt"));
  }

  @Test
  void idsAreTheSameWhenTheSameFilesAreReadAgain() {
    Path fixtures = fixture("");

    SourceBatch first = read(fixtures);
    SourceBatch second = new ArticleSource(List.of(fixtures), Clock.systemUTC(), "other-host").readAll();

    assertThat(first.articles()).extracting(RawArticle::getId).containsExactly(
        "feed-7781", "sha256:cc95c1a435b8ce7970956eededb049d3",
        "https://news.example.com/articles/2025/03/subway?id=42",
        "wire-1", "wire-3",
        "sha256:bfc566e9de7cdd4879d9a20af7263efb");
    assertThat(second.articles()).extracting(RawArticle::getId)
        .isEqualTo(first.articles().stream().map(RawArticle::getId).toList());
    assertThat(first.filesRead()).isEqualTo(5);
    assertThat(first.failures()).extracting(Failure::origin).containsExactly(
        fixtures.resolve("array.json") + "[2]", fixtures.resolve("array.json") + "[3]",
        fixtures.resolve("broken.json").toString(), fixtures.resolve("feed.jsonl") + ":3");
  }

  @Test
  void missingInputIsReportedAndTheOtherInputsStillGo() {
    Path missing = temp.resolve("nowhere.json");

    SourceBatch batch = read(missing, fixture("seed-ko.txt"));

    assertThat(batch.filesRead()).isEqualTo(1);
    assertThat(batch.articles()).hasSize(1);
    assertThat(batch.failures()).containsExactly(new Failure(missing.toString(), "no such file or directory"));
  }

  @Test
  void emptyTextFileIsAFailure() throws IOException {
    Path empty = Files.writeString(temp.resolve("empty.txt"), " \n");

    SourceBatch batch = read(empty);

    assertThat(batch.failures()).containsExactly(new Failure(empty.toString(), "empty file"));
  }

  @Test
  void badTimeIsReportedWithTheFieldAndValue() throws IOException {
    Path file = Files.writeString(temp.resolve("local-time.json"),
        "{\"body\": \"본문\", \"publishedAt\": \"2025-03-02T09:30:00\"}");

    SourceBatch batch = read(file);

    assertThat(batch.failures()).containsExactly(new Failure(file.toString(), "field 'publishedAt': cannot read"
        + " '2025-03-02T09:30:00' as a time (expected ISO-8601 with an offset, or epoch millis)"));
  }

  private static SourceBatch read(Path... inputs) {
    return new ArticleSource(List.of(inputs), Clock.fixed(NOW, ZoneOffset.UTC), HOST).readAll();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ArticleSourceTest.class.getResource("/fixtures").toURI()).resolve(name);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
