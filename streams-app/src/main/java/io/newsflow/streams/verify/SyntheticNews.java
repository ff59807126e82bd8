package io.newsflow.streams.verify;

import io.newsflow.avro.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A reproducible newswire of Korean and English stories with the duplicates real wires produce, for the order,
 * crash and restart tests and for by-hand runs on hardware without the corpora: the same seed gives the same
 * records. Of every hundred stories about eight are sent again under another URL (exact copies), five with
 * their last sentence cut, three with one word changed (near copies), three revised under the same URL with a
 * later {@code updatedAt}, two re-posted under the same URL with another id and two re-sent as the very same
 * record; one story in ten is a one-line item (a dividend, a price) that only an identical copy with the same
 * title repeats. Sentences are drawn word by word from lists of names, places and verbs, so two different
 * stories share no passage and only copies meet under a match key.
 */
public final class SyntheticNews {

  private static final String[] KO_ORGS = {"한빛전자", "새누리바이오", "동방해운", "푸른은행", "미래모빌리티", "한강건설",
      "별빛엔터", "대한항공우주", "청솔제약", "가람증권", "누리통신", "바른식품", "초록에너지", "하늘반도체", "금강철강",
      "온누리유통", "새별게임즈", "도담로보틱스", "해오름조선", "마루소프트", "딥시크", "바이트댄스", "오픈AI", "엔비디아"};
  private static final String[] KO_PLACES = {"서울", "부산", "인천", "대전", "광주", "울산", "세종", "청주", "전주", "포항",
      "창원", "수원", "제주", "평택", "여수", "구미", "판교", "도쿄", "뉴욕", "베를린"};
  private static final String[] KO_NOUNS = {"배터리", "반도체", "공장", "투자", "수출", "실적", "계약", "특허", "인수",
      "합병", "신약", "임상", "노조", "파업", "금리", "환율", "주가", "배당", "채용", "보조금", "관세", "전기차", "로봇",
      "위성", "데이터센터", "플랫폼", "요금", "규제", "소송", "협약", "백신", "원전", "수소", "항만", "철도"};
  private static final String[] KO_VERBS = {"발표했다", "밝혔다", "추진한다", "확정했다", "검토하고 있다", "체결했다",
      "공개했다", "늘렸다", "줄였다", "연기했다", "착수했다", "마무리했다"};
  private static final String[] KO_PEOPLE = {"김민준", "이서연", "박지훈", "최수빈", "정하늘", "강도윤", "윤서아", "장태민",
      "임채원", "한지우", "오세훈", "신유리"};
  private static final String[] EN_ORGS = {"Northwind Rail", "Contoso Energy", "Fabrikam Motors", "Tailspin Air",
      "Litware Labs", "Adatum Bank", "Proseware Foods", "Woodgrove Steel", "Lucerne Media", "Wingtip Games",
      "Margie Shipping", "Alpine Pharma", "Blue Yonder Mining", "Coho Chemicals", "Humongous Insurance",
      "Trey Research", "OpenAI", "Nvidia", "ByteDance"};
  private static final String[] EN_PLACES = {"Chicago", "Houston", "Toronto", "London", "Frankfurt", "Singapore",
      "Sydney", "Seoul", "Tokyo", "Denver", "Boston", "Madrid", "Oslo", "Lagos", "Lima"};
  private static final String[] EN_NOUNS = {"battery", "plant", "merger", "dividend", "contract", "factory", "drug",
      "trial", "strike", "tariff", "loan", "pipeline", "satellite", "refinery", "chip", "license", "lawsuit", "bond",
      "subsidy", "port", "railway", "vaccine", "reactor", "warehouse", "airline", "network", "mine", "harvest"};
  private static final String[] EN_VERBS = {"announced", "confirmed", "delayed", "expanded", "cancelled", "approved",
      "signed", "disclosed", "raised", "cut", "opened", "closed"};
  private static final String[] EN_PEOPLE = {"Maria Lopez", "John Carter", "Aiko Tanaka", "Peter Novak",
      "Grace Okafor", "Liam Byrne", "Sofia Rossi", "David Chen", "Emma Weber", "Omar Haddad"};

  private final Random random;
  private final Instant start;
  private final long spanMillis;
  private final List<RawArticle> out = new ArrayList<>();
  private int next;

  private SyntheticNews(long seed, Instant start, Duration span) {
    this.random = new Random(seed);
    this.start = start;
    this.spanMillis = span.toMillis();
  }

  /**
   * About {@code stories} * 1.23 records: the stories and their copies, each copy right after its story (shuffle
   * them for another arrival order). Event times are spread over {@code span} from {@code start}.
   */
  public static List<RawArticle> generate(int stories, long seed, Instant start, Duration span) {
    SyntheticNews news = new SyntheticNews(seed, start, span);
    for (int i = 0; i < stories; i++) {
      news.story();
    }
    return List.copyOf(news.out);
  }

  private void story() {
    boolean korean = random.nextInt(10) < 6;
    Instant time = start.plusMillis((long) (random.nextDouble() * spanMillis));
    int id = next++;
    if (random.nextInt(10) == 0) {
      RawArticle item = raw("brief-" + id, url("brief", id), korean ? koBriefTitle() : enBriefTitle(),
          korean ? koBrief() : enBrief(), time, null);
      out.add(item);
      if (random.nextInt(4) == 0) {
        out.add(copy(item, "brief-" + id + "-copy", url("brief-copy", id), item.getBody(), minutesLater(time)));
      }
      return;
    }
    List<String> sentences = new ArrayList<>();
    int length = 8 + random.nextInt(8);
    for (int s = 0; s < length; s++) {
      sentences.add(korean ? koSentence() : enSentence());
    }
    String title = korean ? koTitle() : enTitle();
    RawArticle article = raw("story-" + id, url("story", id), title, String.join("\n", sentences), time, null);
    out.add(article);
    int roll = random.nextInt(100);
    if (roll < 8) {
      out.add(copy(article, "story-" + id + "-wire", url("wire", id), article.getBody(), minutesLater(time)));
    } else if (roll < 13) {
      out.add(copy(article, "story-" + id + "-cut", url("cut", id),
          String.join("\n", sentences.subList(0, sentences.size() - 1)), minutesLater(time)));
    } else if (roll < 16) {
      List<String> edited = new ArrayList<>(sentences);
      int s = random.nextInt(edited.size());
      edited.set(s, edited.get(s) + (korean ? " 관계자는 " + pick(KO_PEOPLE) + "이다." : " " + pick(EN_PEOPLE)
          + " said."));
      out.add(copy(article, "story-" + id + "-typo", url("typo", id), String.join("\n", edited),
          minutesLater(time)));
    } else if (roll < 19) {
      List<String> revised = new ArrayList<>(sentences);
      revised.add(korean ? koSentence() : enSentence());
      revised.add(korean ? koSentence() : enSentence());
      Instant updated = time.plus(Duration.ofHours(1 + random.nextInt(5)));
      out.add(raw(article.getId() + "-rev", article.getUrl(), title, String.join("\n", revised), time, updated));
    } else if (roll < 21) {
      out.add(copy(article, "story-" + id + "-repost", article.getUrl(), article.getBody(), minutesLater(time)));
    } else if (roll < 23) {
      out.add(article);
    }
  }

  private Instant minutesLater(Instant time) {
    return time.plus(Duration.ofMinutes(1 + random.nextInt(180)));
  }

  private static RawArticle copy(RawArticle of, String id, String url, String body, Instant time) {
    return RawArticle.newBuilder(of).setId(id).setUrl(url).setBody(body).setPublishedAt(time).setFetchedAt(time)
        .build();
  }

  private static RawArticle raw(String id, String url, String title, String body, Instant published,
      Instant updated) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("publisher", "Synthetic Wire");
    if (updated != null) {
      attributes.put("updatedAt", updated.toString());
    }
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("synthetic")
        .setUrl(url)
        .setContentType("text/plain")
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(published)
        .setFetchedAt(updated != null ? updated : published)
        .setAttributes(attributes)
        .build();
  }

  private static String url(String kind, int id) {
    return "https://news.example/" + kind + "/" + id;
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  private int number() {
    return 2 + random.nextInt(997);
  }

  private String koSentence() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(KO_ORGS) + "는 " + pick(KO_PLACES) + "에서 " + pick(KO_NOUNS) + " " + number() + "억원 규모의 "
          + pick(KO_NOUNS) + " 계획을 " + pick(KO_VERBS) + ".";
      case 1 -> pick(KO_PEOPLE) + " " + pick(KO_ORGS) + " 대표는 " + pick(KO_NOUNS) + "과 " + pick(KO_NOUNS)
          + " 분야에서 " + pick(KO_PLACES) + " " + pick(KO_NOUNS) + "를 " + pick(KO_VERBS) + ".";
      case 2 -> pick(KO_PLACES) + " " + pick(KO_NOUNS) + " 업계는 " + pick(KO_ORGS) + "의 " + pick(KO_NOUNS) + " "
          + number() + "건이 " + pick(KO_NOUNS) + "에 영향을 줄 것으로 " + pick(KO_VERBS) + ".";
      default -> pick(KO_ORGS) + "와 " + pick(KO_ORGS) + "는 " + number() + "일 " + pick(KO_NOUNS) + " "
          + pick(KO_NOUNS) + " 협력을 " + pick(KO_VERBS) + ".";
    };
  }

  private String enSentence() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(EN_ORGS) + " " + pick(EN_VERBS) + " a " + number() + " million dollar " + pick(EN_NOUNS)
          + " " + pick(EN_NOUNS) + " in " + pick(EN_PLACES) + ".";
      case 1 -> pick(EN_PEOPLE) + " of " + pick(EN_ORGS) + " " + pick(EN_VERBS) + " the " + pick(EN_NOUNS) + " "
          + pick(EN_NOUNS) + " near " + pick(EN_PLACES) + " after " + number() + " days.";
      case 2 -> "Analysts in " + pick(EN_PLACES) + " said the " + pick(EN_NOUNS) + " " + pick(EN_NOUNS) + " of "
          + pick(EN_ORGS) + " " + pick(EN_VERBS) + " " + number() + " jobs.";
      default -> pick(EN_ORGS) + " and " + pick(EN_ORGS) + " " + pick(EN_VERBS) + " a " + pick(EN_NOUNS) + " "
          + pick(EN_NOUNS) + " worth " + number() + " million.";
    };
  }

  private String koTitle() {
    return pick(KO_ORGS) + ", " + pick(KO_PLACES) + " " + pick(KO_NOUNS) + " " + pick(KO_NOUNS) + " " + number()
        + "억 " + pick(KO_VERBS).replace("했다", "");
  }

  private String enTitle() {
    return pick(EN_ORGS) + " " + pick(EN_VERBS) + " " + pick(EN_PLACES) + " " + pick(EN_NOUNS) + " "
        + pick(EN_NOUNS);
  }

  private String koBriefTitle() {
    return pick(KO_ORGS) + " 배당 공시";
  }

  private String koBrief() {
    return pick(KO_ORGS) + " 주당 " + number() + "원 현금배당 결정.";
  }

  private String enBriefTitle() {
    return pick(EN_ORGS) + " sets dividend";
  }

  private String enBrief() {
    return pick(EN_ORGS) + " declares quarterly dividend of " + number() + " cts a share.";
  }
}
