package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** English ranking: names first, common words written once left out, names shown as names. */
class EnglishKeywordsTest {

  /** A made-up story; every company, person and place in it is invented. */
  private static final String TITLE = "Corvane's new Halden chip puts pressure on GPU makers";
  private static final String BODY = """
      Corvane unveiled its Halden chip on Thursday, a processor built for AI data centres. The company said \
      Halden would ship to cloud customers in the spring, ahead of rival parts from Tessaro and QuarkLabs.

      Analysts see the chip as a direct challenge to Tessaro, whose GPUs dominate the market. "Halden gives \
      buyers an alternative," said Mira Osei, an analyst at Brightwater Research. Investors sent Corvane's \
      shares up sharply after the announcement.

      Corvane plans to build the chips at a new plant in Ostrava. Tessaro declined to comment on the market \
      for AI chips.
      """;

  /** A made-up wire story; the ministry, the port and the figures are invented. */
  private static final String WIRE_TITLE = "VALDORIA TO RAISE GRAIN IMPORTS";
  private static final String WIRE_BODY = """
      Valdoria will raise grain imports to 4.2 mln tonnes this year after a drought cut the harvest, the \
      farm ministry said. Grain imports were 3.1 mln tonnes last year.
      The ministry said rice stocks were low and that wheat would arrive through the port of Kessar. \
      Officials said the U.S. and Canada would supply most of the grain imports, while prices stayed firm.
      """;

  private static KeywordExtractor extractor;

  @BeforeAll
  static void createOnce() {
    extractor = new KeywordExtractor();
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static List<String> displays(List<Keyword> keywords) {
    return keywords.stream().map(Keyword::display).toList();
  }

  @Test
  void madeUpArticleRanksNamesAndTopicalNounsFirst() {
    List<Keyword> keywords = extractor.extract(TITLE, BODY, "en");

    // Names the background has never seen rank first; a topical noun (chip) follows them.
    assertThat(displays(keywords.subList(0, 5))).containsExactlyInAnyOrder("Corvane", "Halden", "Tessaro", "GPU", "AI");
    assertThat(displays(keywords)).contains("chip");
    assertThat(displays(keywords))
        .contains("QuarkLabs", "GPUs", "Mira Osei", "Brightwater Research", "Ostrava", "market", "chips")
        .doesNotContain("Mira", "Osei", "Brightwater", "Research");
  }

  @Test
  void madeUpArticleLeavesOutCommonWordsWrittenOnceAndStopWords() {
    List<String> keys = extractor.extract(TITLE, BODY, "en").stream().map(Keyword::key).toList();

    assertThat(keys)
        .doesNotContain("unveiled", "processor", "built", "ship", "dominate", "sent", "shares", "build", "plant",
            "announcement", "pressure", "makers")
        .doesNotContain("new", "thursday", "company", "said", "analysts", "analyst", "plans", "declined", "puts",
            "sharply", "comment");
  }

  @Test
  void wordCapitalizedOnlyAtSentenceStartsIsNoName() {
    List<Keyword> keywords = extractor.extract("", "Tariffs worried exporters. Tariffs also hit Kestrel.", "en");

    // Tariffs (2) as a name would score 6 and lead; Kestrel (1), capitalized inside a sentence, scores 3.
    assertThat(keywords).containsExactly(new Keyword("kestrel", "Kestrel", 1), new Keyword("tariffs", "Tariffs", 2));
  }

  @Test
  void madeUpArticleKeepsAWordSeenOnlyAtASentenceStartWithoutBonus() {
    List<Keyword> keywords = extractor.extract(TITLE, BODY, "en");

    assertThat(keywords.get(keywords.size() - 1)).isEqualTo(new Keyword("investors", "Investors", 1));
  }

  @Test
  void acronymsKeepTheirCaseForDisplay() {
    List<Keyword> keywords =
        extractor.extract("", "Kestrel builds AI servers, and its ai unit works with the AI lab at NASA.", "en");

    assertThat(keywords).containsExactly(
        new Keyword("ai", "AI", 3), new Keyword("nasa", "NASA", 1), new Keyword("kestrel", "Kestrel", 1));
  }

  @Test
  void nameIsShownInItsNameFormEvenWhenLowerCaseIsMoreFrequent() {
    List<Keyword> keywords =
        extractor.extract("", "Fans of openai tools and openai plugins met the OpenAI staff.", "en");

    assertThat(keywords.get(0)).isEqualTo(new Keyword("openai", "OpenAI", 3));
  }

  @Test
  void possessivesAreRemovedWithEitherApostrophe() {
    List<Keyword> keywords =
        extractor.extract("NASA's probe", "The probe of NASA's partner OpenAI\u2019s lab and NASA.", "en");

    // probe (3, no name) and OpenAI (1, a name) tie on score 3; probe came first, in the title.
    assertThat(keywords).containsExactlyInAnyOrder(
        new Keyword("nasa", "NASA", 4), new Keyword("probe", "probe", 3), new Keyword("openai", "OpenAI", 1));
  }

  @Test
  void wordsOfAnAllCapitalsTitleAreNoAcronyms() {
    List<Keyword> keywords = extractor.extract("KESTREL SHARES SOAR", "Kestrel shares soared.", "en");

    assertThat(keywords).containsExactly(
        new Keyword("kestrel", "Kestrel", 3), new Keyword("shares", "shares", 3), new Keyword("soar", "SOAR", 2));
  }

  @Test
  void earningsTableLabelsUnitsAndOrdinalsAreNoKeywords() {
    // A made-up earnings brief in the newswire's shorthand: only the company and what it did are keywords.
    List<Keyword> keywords = extractor.extract("VARNOK CORP <VNK> 3RD QTR NET",
        "Shr 41 cts vs 32 cts. Net 12.5 mln dlrs vs 9.8 mln. Revs 210 mln vs 188 mln. Avg shrs 30.1 mln. "
            + "Nine mths shr 1.10 dlrs vs 95 cts, net 33.4 mln vs 29.0 mln, up 15 pct. Prior qtr net 11 mln. "
            + "The 21st quarterly gain came as Varnok's refinery in Ostrava ran at full capacity, Varnok said; "
            + "the refinery's 2nd unit opens in the 4th week of the 1990s.", "en");

    // <VNK> is the company's stock symbol (TickerSymbols): Varnok again, in a code.
    assertThat(displays(keywords)).containsExactlyInAnyOrder("Varnok", "refinery", "Ostrava");
  }

  @Test
  void contractionsAreStopWordsWithEitherApostrophe() {
    List<Keyword> keywords =
        extractor.extract("", "Kestrel staff don\u2019t know, and they don\u2019t care, don't they?", "en");

    assertThat(keywords).containsExactly(new Keyword("kestrel", "Kestrel", 1));
  }

  // Lower-case phrases that recur as a unit are one keyword (CommonPhrases); abbreviations keep their point.

  @Test
  void aPairWrittenThreeTimesIsOneKeywordThatTakesItsWordsOccurrences() {
    List<Keyword> keywords = extractor.extract(WIRE_TITLE, WIRE_BODY, "en");

    Keyword phrase = keywords.stream().filter(k -> k.key().equals("grain imports")).findFirst().orElseThrow();
    // Twice in the body in lower case, once at a sentence start (its capital is the sentence's), and once in
    // the headline, which counts twice; "raise grain", written twice too, loses to the more frequent phrase.
    assertThat(phrase.display()).isEqualTo("grain imports");
    assertThat(phrase.count()).isEqualTo(5);
    assertThat(keywords).extracting(Keyword::key).doesNotContain("raise grain");
    // Neither word has an occurrence outside the phrase, so neither is a keyword of its own.
    assertThat(keywords).extracting(Keyword::key).doesNotContain("imports", "grain");
  }

  @Test
  void aPairWrittenOnceIsProse() {
    List<String> keys = extractor.extract(WIRE_TITLE, WIRE_BODY, "en").stream().map(Keyword::key).toList();

    assertThat(keys).doesNotContain("rice stocks", "farm ministry", "prices stayed");
  }

  @Test
  void anAbbreviationWithPointsIsShownWithItsLastPoint() {
    List<Keyword> keywords = extractor.extract("Talks", "The U.S. said on Monday that U.S. ships would sail.", "en");

    assertThat(keywords).filteredOn(k -> k.key().equals("u.s")).extracting(Keyword::display).containsExactly("U.S.");
  }

  @Test
  void thePhraseIsAsRareAsItsRarerWord() {
    DocumentFrequencies background = new DocumentFrequencies("test", 1000, Map.of("oil", 500, "rig", 5));

    assertThat(CommonPhrases.idf("oil rig", background)).isEqualTo(background.idf("rig"));
  }
}
