package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvArticlesTest {

  private static final String HEADER = "title,originallink,link,description,pubDate";

  @TempDir
  Path temp;

  @Test
  void searchExportRowsBecomeArticlesAndRepeatedHeaderLinesAreSkipped() throws IOException {
    Path file = Files.writeString(temp.resolve("search.csv"), HEADER + "\r\n" + HEADER + "\r\n"
        + "\"윤 의원 &quot;<b>대통령</b>&quot; 발언\",https://www.example.com/a/1?utm_source=naver&utm_medium=referral,"
        + "https://news.naver.com/read?oid=023&aid=1,\"<b>대통령</b>을 가까이서 모시는, 경호과장의 의혹\","
        + "\"Sat, 20 Mar 2021 14:20:00 +0900\"\r\n"
        + HEADER + "\r\n"
        + "둘째 기사,,https://news.naver.com/read?oid=629&aid=2,남북 정상이 만났다,\"Sat, 20 Mar 2021 14:11:00 +0900\"\r\n");

    SourceBatch batch = read(file);

    assertThat(batch.failures()).isEmpty();
    assertThat(batch.articles()).extracting(RawArticle::getId, RawArticle::getTitle, RawArticle::getBody)
        .containsExactly(
            tuple("https://www.example.com/a/1", "윤 의원 \"대통령\" 발언", "대통령을 가까이서 모시는, 경호과장의 의혹"),
            tuple("https://news.naver.com/read?oid=629&aid=2", "둘째 기사", "남북 정상이 만났다"));
    RawArticle first = batch.articles().get(0);
    assertThat(first.getUrl()).isEqualTo("https://www.example.com/a/1?utm_source=naver&utm_medium=referral");
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2021-03-20T05:20:00Z"));
    assertThat(first.getAttributes())
        .containsEntry("source.format", "csv")
        .containsEntry("source.line", "3")
        .containsEntry("portal.link", "https://news.naver.com/read?oid=023&aid=1");
    assertThat(batch.articles().get(1).getAttributes()).containsEntry("source.line", "5").doesNotContainKey("portal.link");
  }

  @Test
  void rowsInUtf8AndCp949MixedInOneFileAreEachDecodedAndAnUndecodableRowIsReported() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes("유티에프 제목,https://example.com/u,,유티에프 본문,\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("씨피 제목,https://example.com/c,,씨피 본문,\r\n".getBytes(Charset.forName("MS949")));
    bytes.writeBytes("caf\u00e9,https://example.com/l,,cr\u00e8me,\r\n".getBytes(StandardCharsets.ISO_8859_1));
    Path file = temp.resolve("mixed.csv");
    Files.write(file, bytes.toByteArray());

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getTitle, RawArticle::getBody)
        .containsExactly(tuple("유티에프 제목", "유티에프 본문"), tuple("씨피 제목", "씨피 본문"));
    assertThat(batch.articles().get(0).getAttributes()).doesNotContainKey("source.charset");
    assertThat(batch.articles().get(1).getAttributes()).containsEntry("source.charset", "CP949");
    assertThat(batch.failures()).containsExactly(new Failure(file + ":4",
        "undecodable bytes: neither UTF-8 nor CP949 Korean text (not sent)"));
  }

  @Test
  void csvWithoutAHeaderRowIsReported() throws IOException {
    Path file = Files.writeString(temp.resolve("bare.csv"), "제목,https://example.com/a,본문\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).isEmpty();
    assertThat(batch.failures()).containsExactly(new Failure(file.toString(),
        "CSV needs a header row naming a description, body, content or text column"));
  }

  @Test
  void badTimeFailsTheRowAlone() throws IOException {
    Path file = Files.writeString(temp.resolve("t.csv"), "title,url,body,date\n"
        + "a,https://example.com/a,본문,어제\nb,https://example.com/b,본문,2025-03-01T00:00:00Z\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getTitle).containsExactly("b");
    assertThat(batch.failures()).containsExactly(new Failure(file + ":2", "column 'date': cannot read '어제' as a"
        + " time (expected RFC 1123, ISO-8601 with an offset, or epoch millis)"));
  }

  @Test
  void aQuoteLeftOpenFailsItsRowAloneAndTheRowsAfterItAreRead() throws IOException {
    Path file = Files.writeString(temp.resolve("open.csv"), "paper,text,created\n"
        + "daily,\"첫 줄에서 시작해\n"
        + "daily,둘째 기사 본문,2017-07-27T10:49:10Z\n");

    SourceBatch batch = read(file);

    assertThat(batch.articles()).extracting(RawArticle::getBody).containsExactly("둘째 기사 본문");
    assertThat(batch.failures()).hasSize(1);
    assertThat(batch.failures().get(0).origin()).isEqualTo(file + ":2");
    assertThat(batch.failures().get(0).reason()).startsWith("not a CSV row: ");
  }

  private static SourceBatch read(Path file) {
    return new ArticleSource(List.of(file), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "h").readAll();
  }
}
