package io.newsflow.streams.dedup;

import io.newsflow.avro.RawArticle;
import io.newsflow.streams.RawArticles;
import io.newsflow.streams.normalize.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The project's own deduplication fixtures (src/test/resources/fixtures/dedup): one Korean and one English
 * wire story, copies of them as other outlets publish them (other header, byline, copyright line, photo
 * captions, a trimmed last paragraph, a fixed typo), a revision of the Korean story under its URL, and
 * articles on the same events from the same day that are not copies (hard negatives).
 */
public final class DedupFixtures {

  public static final Instant T0 = Instant.parse("2025-03-04T01:00:00Z");

  public static final String WIRE_KO = "wire-ko";
  public static final String WIRE_EN = "wire-en";
  public static final String WIRE_KO_URL = "https://news.example.kr/economy/hanbit-solid-state-plant";

  /** Copy id -> the id it copies, and how the pipeline must call it. */
  public static final Map<String, String> COPIES = Map.of(
      "ko-header", WIRE_KO, "ko-trimmed", WIRE_KO, "ko-typo", WIRE_KO,
      "en-trimmed", WIRE_EN, "en-typo", WIRE_EN);
  /** Same event, same day, different articles. */
  public static final List<String> HARD_NEGATIVES = List.of("ko-analysis", "ko-rival", "ko-template", "en-workers");

  private DedupFixtures() {
  }

  /** Every fixture but the revision, in publication order. */
  public static List<RawArticle> articles() {
    return List.of(
        json(WIRE_KO, WIRE_KO_URL, "한빛전자, 청주에 2조4천억 전고체 배터리 공장", "wire-ko.txt", 0, "뉴스플로우"),
        json("ko-header", "https://techdaily.example/article/88123", "한빛전자 청주에 전고체 배터리 공장 짓는다",
            "syndicated-header-ko.txt", 25, "테크데일리"),
        json("ko-trimmed", "https://econtoday.example/news/2025/03/04/0031", "한빛전자, 전고체 배터리 양산 공장 착공",
            "syndicated-trimmed-ko.txt", 40, "경제투데이"),
        json("ko-typo", "https://edaily-news.example/view/553201", "[속보] 한빛전자 청주 전고체 공장에 2.4조",
            "syndicated-typo-ko.txt", 55, "이데일리뉴스"),
        json("ko-rival", "https://news.example.kr/economy/nuri-pilot-line", "누리배터리, 울산에 전고체 시험 라인",
            "same-event-rival-ko.txt", 60, "뉴스플로우"),
        json("ko-analysis", "https://market.example.kr/analysis/7781", "한빛전자 전고체 공장, 증권가 평가 엇갈려",
            "same-event-analysis-ko.txt", 120, "마켓인사이트"),
        json("ko-template", "https://news.example.kr/economy/hanbit-cheongju-jobs", "한빛전자 청주 공장, 지역 청년 채용 약속",
            "same-event-template-ko.txt", 150, "뉴스플로우"),
        json(WIRE_EN, "https://wire.example.com/business/northwind-calder-trains", "Northwind orders 40 battery trains",
            "wire-en.txt", 10, "Example Wire"),
        json("en-trimmed", "https://businesswire.example/news/northwind", "Northwind Rail to buy battery trains",
            "syndicated-trimmed-en.txt", 35, "Business Wire"),
        json("en-typo", "https://daily.example.co.uk/northwind-trains", "Northwind orders battery trains from Calder",
            "syndicated-typo-en.txt", 70, "Daily Example"),
        json("en-workers", "https://derby.example.co.uk/calder-workers-cheer", "Calder Works staff cheer train order",
            "same-event-other-en.txt", 180, "Derby Example"));
  }

  /** The Korean wire story again under its URL and id, updated three hours later with a new paragraph. */
  public static RawArticle revision() {
    RawArticle original = articles().get(0);
    Map<String, String> attributes = new java.util.HashMap<>(original.getAttributes());
    attributes.put("updatedAt", T0.plus(Duration.ofHours(3)).toString());
    return RawArticle.newBuilder(original)
        .setBody(Fixtures.read("dedup/revised-ko.txt"))
        .setFetchedAt(T0.plus(Duration.ofHours(3)).plusSeconds(60))
        .setAttributes(attributes)
        .build();
  }

  private static RawArticle json(String id, String url, String title, String file, int minutes, String publisher) {
    RawArticle raw =
        RawArticles.json(id, url, title, Fixtures.read("dedup/" + file), T0.plus(Duration.ofMinutes(minutes)));
    return RawArticle.newBuilder(raw).setAttributes(Map.of("publisher", publisher)).build();
  }
}
