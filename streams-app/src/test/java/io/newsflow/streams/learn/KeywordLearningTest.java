package io.newsflow.streams.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.avro.Article;
import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.RawArticles;
import io.newsflow.streams.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole topology learning from its stream: a made-up company that Nori cuts (누리온랩스 -> 랩스), written
 * once per article so that no single article shows it whole twice, is learned after a few articles and kept whole
 * from the next version on; an operator's drop and keep decisions reach the next version; a word in every article
 * is weighed down.
 */
class KeywordLearningTest {

  private static final Instant START = Instant.parse("2025-02-20T00:00:00Z");
  private static final String COMPANY = "누리온랩스";
  /** Common nouns for bodies that share no passage, so that dedup keeps every article. */
  private static final List<String> NOUNS = List.of("정부", "시장", "교육", "환경", "주택", "교통", "의료", "농업",
      "관광", "문화", "예산", "수출", "물가", "금리", "고용", "노동", "복지", "안전", "기후", "에너지", "항만", "철도",
      "도로", "공항", "학교", "병원", "도서관", "공원", "하천", "산림", "어업", "축산", "무역", "투자", "소비", "생산",
      "연구", "개발", "통신", "방송");

  @TempDir
  Path stateDir;

  private TopologyHarness harness;
  private final Random random = new Random(7);

  @BeforeEach
  void start() {
    harness = TopologyHarness.start(stateDir, Map.of(
        "newsflow.keywords.model.every", "5",
        // Five articles ten minutes apart weigh a little less than five by the last one's time.
        "newsflow.keywords.model.min-documents", "4",
        "newsflow.keywords.model.noun-min-articles", "3"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aCompanyNoriCutsIsLearnedFromArticlesThatEachNameItOnce() {
    List<Article> first = sendArticles(0, 5);
    assertThat(first).allSatisfy(a -> {
      assertThat(a.getKeywords()).as(a.getId()).contains("랩스").doesNotContain(COMPANY);
      assertThat(a.getKeywordModel()).isNull();
    });
    KeywordModel version1 = harness.keywordModels().readValue();
    assertThat(version1.getVersion()).isEqualTo(1);
    assertThat(version1.getDocuments()).isCloseTo(5.0, within(0.01));
    assertThat(version1.getNouns()).containsKey(COMPANY);

    harness.advanceWallClock(Duration.ofSeconds(1));
    List<Article> next = sendArticles(5, 20);
    assertThat(next).allSatisfy(a -> {
      assertThat(a.getKeywords()).as(a.getId()).contains(COMPANY).doesNotContain("랩스");
      assertThat(a.getKeywordModel()).isNotNull();
    });
    List<KeywordModel> versions = harness.keywordModels().readValuesToList();
    assertThat(versions).extracting(KeywordModel::getVersion).containsExactly(2L, 3L, 4L);
    assertThat(versions.get(2).getNouns().get(COMPANY)).isGreaterThan(19.0);
  }

  @Test
  void bytesAForeignProducerWroteToTheModelTopicAreSkippedAndTheLastGoodVersionStaysInUse() {
    sendArticles(0, 5);
    assertThat(harness.keywordModels().readValue().getVersion()).isEqualTo(1);
    // Newer keys than any version the learner will write: plain text, and the wire format with an unknown schema id.
    harness.sendKeywordModelBytes("99999999999999999998", "{\"version\": 2}".getBytes(StandardCharsets.UTF_8));
    harness.sendKeywordModelBytes("99999999999999999999", new byte[] {0, 0x7f, 0, 0, 1, 2, 3});
    harness.advanceWallClock(Duration.ofSeconds(1));

    Article next = send(5, COMPANY + "가 " + salad(3) + " 사업을 발표했다. " + salad(12));
    assertThat(next.getKeywordModel()).isEqualTo(1L);
    assertThat(next.getKeywords()).contains(COMPANY).doesNotContain("랩스");
    assertThat(harness.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void anOperatorDropsALearnedNounAndKeepsAnotherThatWasSeenOnce() {
    sendArticles(0, 5);
    harness.decide(COMPANY, KeywordLearner.DROP);
    harness.decide("카이오젠", KeywordLearner.KEEP);
    sendArticles(5, 10);

    List<KeywordModel> versions = harness.keywordModels().readValuesToList();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).getNouns()).containsKey(COMPANY).doesNotContainKey("카이오젠");
    assertThat(versions.get(1).getNouns()).doesNotContainKey(COMPANY).containsKey("카이오젠");

    harness.advanceWallClock(Duration.ofSeconds(1));
    Article kept = send(99, "카이오젠이 신약 후보 물질을 공개했다. " + salad(12));
    assertThat(kept.getKeywords()).contains("카이오젠").doesNotContain("카이오");
    Article dropped = send(100, COMPANY + "가 새 서비스를 내놓았다. " + salad(12));
    assertThat(dropped.getKeywords()).contains("랩스").doesNotContain(COMPANY);
  }

  @Test
  void aWordInEveryArticleIsWeighedDown() {
    // 정책 is in every article, twice: without the model it ranks among the first.
    List<Article> before = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      before.add(send(i, "정책 발표 이후 정책 논의가 이어졌다. " + salad(12)));
    }
    assertThat(before).allSatisfy(a -> assertThat(a.getKeywords().indexOf("정책")).isBetween(0, 2));
    KeywordModel model = harness.keywordModels().readValue();
    assertThat(model.getShares().get("정책")).isCloseTo(1.0, within(0.001));

    harness.advanceWallClock(Duration.ofSeconds(1));
    Article after = send(5, "정책 발표 이후 정책 논의가 이어졌다. " + salad(12));
    assertThat(after.getKeywords().indexOf("정책")).isGreaterThan(5);
  }

  @Test
  void aNameWrittenWithASpaceIsLearnedWhenTheStreamShowsItsWordsTogether() {
    harness.close();
    harness = TopologyHarness.start(stateDir.resolve("names"), Map.of("newsflow.keywords.model.every", "9"));
    List<String> companies = List.of("가온전자", "나래화학", "다온제약");
    for (int i = 0; i < 9; i++) {
      // 샘 always before 알트만; 최고경영자 after three first words in turn, none of them most of the time.
      send(i, "샘 알트만이 " + salad(3) + " 계획을 밝혔다. " + companies.get(i % 3) + " 최고경영자는 " + salad(10));
    }
    KeywordModel model = harness.keywordModels().readValue();
    assertThat(model.getNouns()).containsKey("샘 알트만");
    assertThat(model.getNouns().keySet()).noneMatch(noun -> noun.endsWith(" 최고경영자"));

    harness.advanceWallClock(Duration.ofSeconds(1));
    Article next = send(9, "샘 알트만은 " + salad(3) + " 모델을 공개했다. " + salad(10));
    assertThat(next.getKeywords()).contains("샘 알트만").doesNotContain("알트만", "알트");
  }

  private List<Article> sendArticles(int from, int to) {
    List<Article> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(send(i, COMPANY + "가 " + salad(3) + " 사업을 발표했다. " + salad(12)));
    }
    return out;
  }

  private Article send(int i, String body) {
    Instant at = START.plus(Duration.ofMinutes(10L * i));
    harness.send(RawArticles.json("a" + i, "https://news.example/a" + i, salad(2) + " 소식", body, at));
    List<TestRecord<String, Article>> published = harness.articles().readRecordsToList();
    assertThat(published).as("article a%d published", i).hasSize(1);
    return published.get(0).value();
  }

  /** Sentences of random common nouns: no two articles share a passage. */
  private String salad(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(NOUNS.get(random.nextInt(NOUNS.size()))).append(i % 4 == 3 ? " 분야를 살폈다. " : "과 ");
    }
    return text.toString().strip();
  }
}
