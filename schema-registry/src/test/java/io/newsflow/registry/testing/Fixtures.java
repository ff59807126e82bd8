package io.newsflow.registry.testing;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in instance of every newsflow record type, with Korean text and optional fields both set and unset. */
public final class Fixtures {

  public static final Instant FETCHED = Instant.parse("2025-03-01T09:30:00.123Z");

  private Fixtures() {
  }

  public static RawArticle rawArticle() {
    return RawArticle.newBuilder()
        .setId("yna-0001")
        .setSource("fixtures/raw.txt")
        .setUrl("https://news.example/0001")
        .setContentType("text/plain")
        .setBody("반도체 수출이 석 달 연속 늘었다.")
        .setTitle("반도체 수출 증가")
        .setPublishedAt(Instant.parse("2025-03-01T08:00:00Z"))
        .setFetchedAt(FETCHED)
        .setAttributes(Map.of("press", "연합", "category", "economy"))
        .build();
  }

  public static Article article() {
    return Article.newBuilder()
        .setId("yna-0001")
        .setUrl(null)
        .setTitle("반도체 수출 증가")
        .setBody("반도체 수출이 석 달 연속 늘었다.")
        .setLanguage("ko")
        .setPublisher("연합뉴스")
        .setAuthors(List.of("김기자", "Lee"))
        .setSection(null)
        .setPublishedAt(Instant.parse("2025-03-01T08:00:00Z"))
        .setUpdatedAt(Instant.parse("2025-03-01T08:05:00Z"))
        .setFetchedAt(FETCHED)
        .setFingerprint("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .setKeywords(List.of("반도체", "수출"))
        .setRevision(2)
        .build();
  }

  public static DuplicateNotice duplicateNotice() {
    return DuplicateNotice.newBuilder()
        .setId("yna-0002")
        .setDuplicateOf("yna-0001")
        .setKind(DuplicateKind.NEAR)
        .setDistance(3)
        .setDetectedAt(FETCHED)
        .build();
  }

  public static TrendSnapshot trendSnapshot() {
    return TrendSnapshot.newBuilder()
        .setWindowStart(Instant.parse("2025-03-01T09:00:00Z"))
        .setWindowEnd(Instant.parse("2025-03-01T10:00:00Z"))
        .setFinal$(true)
        .setEntries(List.of(
            TrendEntry.newBuilder().setKeyword("반도체").setArticleCount(12).setRank(1).build(),
            TrendEntry.newBuilder().setKeyword("수출").setArticleCount(7).setRank(2).build()))
        .build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setStage("normalize")
        .setReason("body is empty")
        .setSourceTopic("news.raw")
        .setPartition(0)
        .setOffset(42L)
        .setKey(ByteBuffer.wrap("yna-0001".getBytes(StandardCharsets.UTF_8)))
        .setValue(null)
        .setTimestamp(FETCHED)
        .build();
  }

  /** Every record type once. */
  public static List<SpecificRecord> everyRecordType() {
    return List.of(rawArticle(), article(), duplicateNotice(), trendSnapshot(), deadLetter());
  }
}
