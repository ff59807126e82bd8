package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** English multi-word names found by the capitalized-words rule of {@link EnglishKeywords}. */
class EnglishNamesTest {

  private static KeywordExtractor extractor;

  @BeforeAll
  static void createOnce() {
    extractor = new KeywordExtractor();
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static List<String> displays(String title, String body) {
    return extractor.extract(title, body, "en").stream().map(Keyword::display).toList();
  }

  @Test
  void capitalizedWordsInARowInsideASentenceAreOneName() {
    List<Keyword> keywords = extractor.extract("",
        "Stocks on Wall Street fell on Black Monday while the Federal Reserve watched. Traders on Wall Street sold "
            + "and the New York Stock Exchange halted trading.", "en");

    assertThat(keywords).extracting(Keyword::display).containsExactlyInAnyOrder(
        "Wall Street", "Black Monday", "Federal Reserve", "New York Stock Exchange", "Stocks", "Traders");
    assertThat(keywords.get(0)).isEqualTo(new Keyword("wall street", "Wall Street", 2));
  }

  @Test
  void titlesFunctionWordsAndNationalitiesStartANewName() {
    assertThat(displays("", "Kestrel said Kestrel Chief Executive Mira Osei will meet President Dana Reyes and "
        + "the Chinese Foreign Ministry in Ostrava."))
        .containsExactly("Kestrel", "Mira Osei", "Dana Reyes", "Foreign Ministry", "Ostrava");
  }

  @Test
  void aFormalTitleBeforeAPersonsNameIsNoPartOfIt() {
    assertThat(displays("", "The agency said FAA Administrator Bryan Bedford and Director Mara Quintos met Mayor Dev "
        + "Rana in Renton."))
        .containsExactlyInAnyOrder("FAA", "Bryan Bedford", "Mara Quintos", "Dev Rana", "Renton");
  }

  @Test
  void aNationalityAfterTheOfOfANameStaysInIt() {
    assertThat(displays("", "He spoke to the Institute of Contemporary German Affairs after the Chinese Foreign "
        + "Ministry spoke."))
        .contains("Institute of Contemporary German Affairs", "Foreign Ministry")
        .doesNotContain("Institute of Contemporary", "Chinese Foreign Ministry");
  }

  @Test
  void companyFormsAreCutOffTheEnd() {
    assertThat(extractor.extract("", "Profits at Texaco Inc rose and Halden Corp fell; Texaco and Halden said so.",
        "en")).extracting(Keyword::key).containsExactlyInAnyOrder("texaco", "halden", "profits");
  }

  @Test
  void europeanCompanyFormsAreCutOffTooAndNeverStandAlone() {
    assertThat(extractor.extract("", "Shares of Volkswagen AG fell and Halden GmbH rose; Volkswagen and Halden said so.",
        "en")).extracting(Keyword::key).containsExactlyInAnyOrder("volkswagen", "halden", "shares");
  }

  @Test
  void aKoreanGivenNameWrittenWithAHyphenStaysWithItsFamilyName() {
    assertThat(displays("", "Party chairman Roh Tae-woo pardoned Kim Dae-jung.\nKim Young-sam, head of the "
        + "opposition, agreed. Sales of Dow Jones-led funds rose."))
        .contains("Roh Tae-woo", "Kim Dae-jung", "Kim Young-sam")
        .doesNotContain("Roh Tae", "Kim Dae", "Young-sam", "Dow Jones-led", "Jones-led");
  }

  @Test
  void stockSymbolsAfterACompanyAreNoKeywords() {
    assertThat(displays("GTE <GTE> DEVELOPS METHOD", "Volkswagen AG <VOWG.F> lost and BP (BP.L) and "
        + "General Electric (NYSE: GE) gained; the Democratic Justice Party (DJP) and GTE Corp <GTE> said so."))
        .contains("Volkswagen", "BP", "General Electric", "DJP", "GTE")
        .doesNotContain("VOWG.F", "BP.L", "NYSE", "GE");
  }

  @Test
  void aRunThatOpensASentenceIsJoinedOnlyAsFarAsTheBodyNamesItMidSentence() {
    // Chipmaker opens the sentence and the body never names "Chipmaker Kestrel" mid-sentence.
    assertThat(displays("", "Chipmaker Kestrel said it would grow. Halden doubts it."))
        .containsExactly("Kestrel", "Chipmaker", "Halden");
    assertThat(displays("", "Wall Street fell. Traders on Wall Street sold."))
        .containsExactly("Wall Street", "Traders");
  }

  @Test
  void headlineJoinsOnlyTheNamesItsBodyHas() {
    List<Keyword> keywords = extractor.extract("Wall Street Tumbles As Fed Signals Pause",
        "Shares fell on Wall Street after the Fed spoke.", "en");

    assertThat(keywords).contains(new Keyword("wall street", "Wall Street", 3), new Keyword("fed", "Fed", 3))
        .extracting(Keyword::key).doesNotContain("wall street tumbles", "fed signals", "wall", "street");
  }

  @Test
  void acronymsMixedCaseAndNumbersTakeNoPartInANameOfWords() {
    assertThat(displays("", "Investors backed Chinese AI firms, Tessaro OpenAI deals and Corvane GPT-4 tools."))
        .containsExactlyInAnyOrder("Chinese", "AI", "Tessaro", "OpenAI", "Corvane", "GPT-4", "Investors");
  }

  @Test
  void namesOfStopWordsOnlyAndRunsLongerThanFiveWordsAreNoName() {
    assertThat(extractor.extract("", "It happened Last Monday in the Big Apple of Kestrel.", "en"))
        .extracting(Keyword::key).contains("big apple of kestrel").doesNotContain("last monday", "last", "monday");
    assertThat(displays("", "Shares of Kestrel Halden Tessaro Corvane Ostrava Varnok rose."))
        .containsExactly("Kestrel", "Halden", "Tessaro", "Corvane", "Ostrava", "Varnok", "Shares");
  }

  @Test
  void namesWithOfInsideStayWhole() {
    assertThat(displays("", "Shares of Bank of Kestrel rose as Bank of Kestrel grew."))
        .containsExactly("Bank of Kestrel", "Shares");
  }

  @Test
  void allCapitalsTextHasNoNames() {
    assertThat(displays("", "WALL STREET FALLS AS WALL STREET SELLS")).containsExactlyInAnyOrder("WALL", "STREET", "FALLS",
        "SELLS");
  }
}
