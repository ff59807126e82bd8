package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.normalize.Fixtures;
import io.newsflow.streams.normalize.KoreanPortalLayoutParser;
import io.newsflow.streams.normalize.ParsedArticle;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordExtractorTest {

  private static KeywordExtractor extractor;
  private static ParsedArticle seed;

  @BeforeAll
  static void createOnce() {
    // As in the topology: one extractor, reused for every record.
    extractor = new KeywordExtractor();
    seed = KoreanPortalLayoutParser.parse(Fixtures.read(Fixtures.SEED_KO));
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static List<String> displays(List<Keyword> keywords) {
    return keywords.stream().map(Keyword::display).toList();
  }

  @Test
  void seedTopTwentyAreTheArticlesSubjects() {
    List<String> top = extractor.topDisplayForms(seed.title(), seed.body(), "ko", 20);

    // Ranked by count times rarity: the new names (딥시크, 알리바바, 바이트댄스) pass 중국 and 미국, which the
    // title's 美·中 still lifts into the top 10; generic words (경쟁, 기업, 모델) fall behind the names.
    assertThat(top.subList(0, 4)).containsExactly("AI", "딥시크", "알리바바", "바이트댄스");
    assertThat(top.subList(0, 10)).contains("중국", "미국", "한국");
    // A model designation written once (GPT-4.5, GPT-5) weighs as a name, so it makes the article's twenty.
    assertThat(top).contains("오픈AI", "GPT-4.5", "GPT-5", "그록 3", "xAI", "트럼프");
    assertThat(top).contains("딥시크", "알리바바", "바이트댄스", "AI", "중국", "미국", "한국");
  }

  @Test
  void seedKeepsUnknownCompoundsWholeAndNeverSplitsThem() {
    List<Keyword> all = extractor.extract(seed.title(), seed.body(), "ko");

    assertThat(displays(all)).contains("오픈AI", "챗GPT", "xAI", "토터스미디어", "스타게이트", "우융밍", "빅테크");
    assertThat(all).extracting(Keyword::key)
        .doesNotContain("딥시크가", "딥", "시크", "바이트", "댄스", "바이트댄스가", "딥시크발", "오픈", "챗");
    // 27 occurrences of AI, 3 of them in the compound the article binds: AI 발전 (SpacedCompounds).
    assertThat(all.get(0)).isEqualTo(new Keyword("ai", "AI", 24));
    assertThat(all).contains(new Keyword("ai 발전", "AI 발전", 3), new Keyword("패권 경쟁", "패권 경쟁", 7));
    assertThat(all).contains(new Keyword("딥시크", "딥시크", 6), new Keyword("바이트댄스", "바이트댄스", 5),
        new Keyword("오픈ai", "오픈AI", 2));
  }

  @Test
  void keysMatchTheCountingKeyOfTheTrendsStage() {
    for (Keyword keyword : extractor.extract(seed.title(), seed.body(), "ko")) {
      assertThat(keyword.key()).isEqualTo(Keywords.key(keyword.display()));
    }
  }

  @Test
  void seedKeywordsHaveNoStopWordsNumbersOrSingleCharacters() {
    List<Keyword> all = extractor.extract(seed.title(), seed.body(), "ko");

    assertThat(all).extracting(Keyword::key)
        .doesNotContain("등", "것", "수", "이번", "지난", "가운데", "이날", "통해", "3800", "2025", "24", "美", "中")
        .allSatisfy(key -> {
          assertThat(key.codePointCount(0, key.length())).isGreaterThan(1);
          assertThat(key).doesNotMatch("\\d+");
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "딥시크가, 딥시크",
      "바이트댄스가, 바이트댄스",
      "바이트댄스로, 바이트댄스",
      "바이트댄스와의, 바이트댄스",
      "오픈AI의, 오픈AI",
      "오픈AI도, 오픈AI",
      "챗GPT, 챗GPT",
      "알리바바는, 알리바바",
      "딥시크발, 딥시크",
      "중국의, 중국",
      "미국을, 미국",
      "한국은, 한국",
      "AI, AI",
      "개인정보, 개인정보",
      "엔비디아의, 엔비디아",
      "퀀텀리프발, 퀀텀리프",
      "xAI가, xAI",
  })
  void wordIsJoinedIntoOneKeywordWithoutItsParticle(String word, String keyword) {
    assertThat(displays(extractor.extract("", word, "ko"))).containsExactly(keyword);
  }

  @Test
  void joiningWorksTheSameInsideSentences() {
    String body = "딥시크가 주목받자 바이트댄스로 의혹이 번졌고 오픈AI의 대응도 빨라졌다. 알리바바는 투자를 늘린다.";

    assertThat(displays(extractor.extract("", body, "ko")))
        .containsExactlyInAnyOrder("딥시크", "주목", "바이트댄스", "의혹", "오픈AI", "대응", "알리바바", "투자");
  }

  @Test
  void titleOccurrencesCountTwiceAndRankFirstOnTies() {
    List<Keyword> keywords = extractor.extract("반도체 수출", "수출이 늘었다. 반도체 가격이 올랐다. 가격 상승.", "ko");

    assertThat(keywords).containsExactly(
        new Keyword("반도체", "반도체", 3),
        new Keyword("수출", "수출", 3),
        new Keyword("가격", "가격", 2),
        new Keyword("상승", "상승", 1));
  }

  @Test
  void latinWordsInKoreanKeepTheirCaseForDisplay() {
    List<Keyword> keywords = extractor.extract("", "엔비디아 GPU와 AI 칩. 그는 ai 전문가이고 AI 연구자다. CEO가 말했다.", "ko");

    assertThat(keywords).contains(
        new Keyword("ai", "AI", 3), new Keyword("gpu", "GPU", 1), new Keyword("ceo", "CEO", 1));
  }

  @Test
  void madeUpKoreanArticleYieldsItsNewNouns() {
    ParsedArticle article = KoreanPortalLayoutParser.parse(Fixtures.read(Fixtures.QUANTUMLEAP_KO));

    List<Keyword> keywords = extractor.extract(article.title(), article.body(), "ko");

    assertThat(keywords.subList(0, 3)).containsExactlyInAnyOrder(
        new Keyword("퀀텀리프", "퀀텀리프", 7),
        new Keyword("삼성전자", "삼성전자", 5),
        new Keyword("양자컴퓨터", "양자컴퓨터", 4));
    // 기술 is as frequent as 삼성전자 but a common noun found everywhere: it ranks below the subjects.
    assertThat(displays(keywords)).contains("기술");
    assertThat(displays(keywords)).contains("큐비트", "파운드리", "엔비디아", "IBM", "양자기술", "제어칩", "시제품")
        .doesNotContain("퀀텀", "리프", "퀀텀리프가", "퀀텀리프발", "양자컴퓨터용", "삼성전자와", "이번", "내년",
            "2021년", "3일");
  }

  @Test
  void madeUpEnglishArticleRanksNamesFirstAndDropsPossessivesStopWordsAndNumbers() {
    String text = Fixtures.read(Fixtures.ARTEMIS_EN);
    int titleEnd = text.indexOf('\n');

    List<Keyword> keywords = extractor.extract(text.substring(0, titleEnd), text.substring(titleEnd + 1), "en");

    // Names score three times their count times their rarity: Moon and Orion (2 each) pass mission and review.
    assertThat(displays(keywords.subList(0, 4))).containsExactlyInAnyOrder("NASA", "Artemis", "Moon", "Orion");
    assertThat(displays(keywords)).contains("Johnson Space Center", "mission", "review", "final");
    assertThat(displays(keywords)).contains("Orion", "Moon", "capsule", "Pacific", "Johnson Space Center")
        .doesNotContain("NASA's", "nasa", "Mission", "said", "would", "the", "The", "its", "2024", "10", "s",
            "Tuesday", "weeks", "four", "agency", "cracked");
  }

  @Test
  void otherLanguagesAreLowerCasedWordsOfTwoOrMoreCharacters() {
    List<Keyword> keywords = extractor.extract("Die Regierung", "Die Regierung hat 2025 ein Gesetz für Banken.", "de");

    assertThat(displays(keywords)).containsExactlyInAnyOrder("die", "regierung", "hat", "ein", "gesetz", "für", "banken");
    assertThat(keywords).contains(new Keyword("die", "die", 3));
  }

  @Test
  void otherLanguagesLeaveOutEnglishStopWordsAndOrdinalsSinceShortEnglishTextIsOftenMisdetected() {
    // An earnings table in the newswire's shorthand, which language detection does not take for English.
    List<Keyword> keywords = extractor.extract("VARNOK CORP 3RD QTR NET",
        "Shr 41 cts vs 32 cts. Net 12.5 mln dlrs vs 9.8 mln. Nine mths shr 1.10 dlrs vs 95 cts.", "und");

    assertThat(displays(keywords)).containsExactly("varnok");
  }

  @Test
  void reuseGivesTheSameResultAsAFreshExtractor() {
    List<Keyword> first = extractor.extract(seed.title(), seed.body(), "ko");
    extractor.extract("other", "Something else entirely about NASA.", "en");
    List<Keyword> again = extractor.extract(seed.title(), seed.body(), "ko");

    try (KeywordExtractor fresh = new KeywordExtractor()) {
      assertThat(again).isEqualTo(first).isEqualTo(fresh.extract(seed.title(), seed.body(), "ko"));
    }
  }

  @Test
  void emptyOrNullTextHasNoKeywords() {
    assertThat(extractor.extract(null, "", "ko")).isEmpty();
    assertThat(extractor.topDisplayForms("", "   ", null, 5)).isEmpty();
  }

  // Newsroom words (KoreanNewsroom): bylines, anonymous persons and readings are no keywords; the same words
  // elsewhere still are.

  private static List<String> keys(String title, String body) {
    return extractor.extract(title, body, "ko").stream().map(Keyword::key).toList();
  }

  @Test
  void aReportersNameInTheBylineIsNoKeyword() {
    List<String> keys = keys("외국인 근로자 월급 200만원 이하",
        "노컷뉴스 장규석 기자 통계청은 20일 외국인고용조사 결과를 발표했다. 서울 뉴스1 최은지 기자= 외국인 근로자의"
            + " 절반이 월급 200만원 이하였다. 강은구기자 외국인고용조사는 해마다 열린다.");

    assertThat(keys).contains("외국인고용조사", "통계청").doesNotContain("장규석", "최은지", "강은구기자",
        "강은구");
  }

  @Test
  void aNameBeforeAWordThatOnlyStartsWithATitleStaysAKeyword() {
    // 기자회견 is a press conference, not a byline: the person holding it is the story.
    List<String> keys = keys("윤석열 기자회견", "윤석열 기자회견에서 윤석열은 개헌을 말했다. 윤석열 기자회견은 한 시간 걸렸다.");

    assertThat(keys).contains("윤석열");
  }

  @Test
  void anAnonymousPersonIsNoKeywordButAWordEndingInTheSameSyllablesIs() {
    List<String> keys = keys("강남패치 운영자 구속",
        "정모(34)씨는 강남패치를 운영했다. 정모씨가 허위내용을 올렸다. 김씨와 A씨는 피해자다. 김모씨도 고소했다. 부모가"
            + " 강남패치를 고소했다. 부모는 분노했다.");

    assertThat(keys).contains("강남패치", "부모").doesNotContain("정모", "정모씨", "김씨", "a씨", "김모씨", "김모");
  }

  @Test
  void aReadingIsNoKeywordButACountMayBe() {
    List<String> keys = keys("한화 5연승", "다우지수는 412.35포인트 올랐다. 설탕 1g이 들었다. 한화는 5연승을 달렸다."
        + " 한화가 5연승으로 선두에 올랐다.");

    assertThat(keys).contains("5연승", "한화").doesNotContain("412.35포인트", "1g", "포인트");
  }

  @Test
  void aNumberWithAnAmountsCounterIsNoKeyword() {
    List<String> keys = keys("화면 4배 선명", "디스플레이는 전작보다 4배 선명하다. 화면이 4배 커졌다. 판매량은 4배 늘었고 "
        + "3곳에서 3곳으로 팔린다. 음원차트 1위를 했다. 음원차트 1위에 올랐다.");

    assertThat(keys).contains("디스플레이").doesNotContain("4배", "3곳", "1위");
  }

  @Test
  void capitalsAroundAnAmpersandAreOneName() {
    List<String> keys = keys("S&P500지수 상승", "S&P500지수는 1.84% 상승했다. AT&T가 실적을 냈다.");

    assertThat(keys).contains("s&p500지수", "at&t").doesNotContain("p500지수", "t");
  }

  @Test
  void aVerbsAdnominalGluedToAnUnknownNounIsPartOfIt() {
    // Nori reads 언체인징 (an album title) as 언/VV + 체인징: Korean spaces an adnominal from its noun.
    List<String> keys = keys("신화 언체인징 발매", "신화가 정규 13집 언체인징 을 발매한다. 언체인징 은 신화의 19년이다.");

    assertThat(keys).contains("언체인징").doesNotContain("체인징");
  }

  // Spaced compounds (SpacedCompounds): the article binds the second noun to the first.

  @Test
  void aCompoundTheArticleWritesWithASpaceAndBindsIsOneKeyword() {
    List<String> keys = keys("선거구 획정안 국회 통과", "여야가 선거구 획정안을 처리했다. 선거구 획정안에 따라 전북 의석이"
        + " 줄었다. 선거구는 254개다.");

    // 선거구 also stands alone (선거구는), but 획정안 never does: the pair is the keyword.
    assertThat(keys).contains("선거구 획정안").doesNotContain("획정안");
  }

  @Test
  void aSecondNounTheArticleAlsoUsesAloneOrAPairWrittenOnceStaysTwoKeywords() {
    List<String> keys = keys("북미 정상회담 무산", "북미 정상회담이 무산됐다. 2차 정상회담은 미정이다. 미중 정상회담도 있었다."
        + " 북미 정상회담을 다시 추진한다. 무노조 경영은 한 번 나온다.");

    assertThat(keys).contains("북미", "정상회담", "무노조", "경영").doesNotContain("북미 정상회담", "무노조 경영");
  }

  @Test
  void aTitleAfterANameAndTwoNamesInARowNeverJoin() {
    List<String> keys = keys("문재인 대통령 대산공단 방문", "문재인 대통령은 대산공단을 찾았다. 문재인 대통령이 탄소중립을 말했다."
        + " 배우 이민호 김수현 배우 이민호 김수현 두 사람이 왔다. 박원순 서울시장과 박원순 서울시장이 만났다.");

    assertThat(keys).contains("문재인", "이민호", "김수현", "박원순")
        .doesNotContain("문재인 대통령", "이민호 김수현", "배우 이민호", "박원순 서울시장");
  }

  @Test
  void aNationalityDescribesAndWeighsAsAWordNotAName() {
    List<String> top = extractor.topDisplayForms("Planemaker faces review",
        "Officials said the U.S. review of Boeing would take weeks. The U.S. regulator and U.S. airlines agreed."
            + " Chinese buyers and Chinese lessors waited. Chinese demand fell. Boeing declined to comment.", "en", 10);

    // Boeing, twice, outranks U.S. and Chinese, three times each: a nationality has no name weight.
    assertThat(top.get(0)).isEqualTo("Boeing");
    assertThat(top).contains("U.S.", "Chinese");
  }

  @Test
  void aStreetAddressAndADatelineAreNoKeywordsButAProvinceAndADistrictAloneAre() {
    List<String> keys = keys("강남패치 운영자 기소", "서울 뉴스1 최은지 기자 검찰은 서울 서초구 서초동 청사에서 강남패치 운영자를"
        + " 기소했다. 운영자는 서울 논현동의 음식점에서 일했다. 충북 보은군에서도 강남패치가 읽혔다. 서초구는 조사했다."
        + " 서초구가 발표했다. 팬들이 모였다. 팬들은 분노했다. 팬들도 떠났다.");

    assertThat(keys).contains("강남패치", "운영자", "충북", "보은군", "서초구").doesNotContain("서울", "서초동", "논현동",
        "팬들");
  }
}
