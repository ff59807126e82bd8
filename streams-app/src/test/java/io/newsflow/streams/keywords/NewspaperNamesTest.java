package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** English names as a newspaper writes them: connectors, ampersands, designations, datelines, capital headlines. */
class NewspaperNamesTest {

  private static final KeywordExtractor EXTRACTOR = new KeywordExtractor();

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  private static List<String> keywords(String title, String body) {
    return EXTRACTOR.extract(title, body, "en").stream().map(Keyword::display).toList();
  }

  @Test
  void namesWithOfAndAmpersandsStayWhole() {
    List<String> k = keywords("Lenders rally", "Shares of Bank of America rose as the S&P 500 hit a record. The "
        + "University of Oxford said AT&T would fund it. Shares of Johnson & Johnson fell. Bank of America analysts said the "
        + "S&P 500 could climb, and AT&T gained.");

    assertThat(k).contains("Bank of America", "S&P 500", "AT&T", "University of Oxford", "Johnson & Johnson")
        .doesNotContain("America", "P 500", "of America", "University", "Oxford");
  }

  @Test
  void aNameAfterAnInitialismStaysWhole() {
    List<String> k = keywords("Agent blocks virus", "Researchers said so. The U.S. National Institute of Mental Health "
        + "announced it, and the U.S. Food and Drug Administration approved tests of the chemical.");

    assertThat(k).contains("National Institute of Mental Health", "Food and Drug Administration")
        .doesNotContain("Institute of Mental Health", "Drug Administration");
  }

  @Test
  void aTitleOrNationalityBeforeAnOrganisationsHeadNounIsPartOfTheName() {
    List<String> k = keywords("Gunners win", "Arsenal went clear in the Premier League on Sunday, and the European Union "
        + "said so. President Lee met Chief Executive Jensen Huang. The Commission agreed.");

    assertThat(k).contains("Premier League", "European Union", "Lee", "Jensen Huang", "Commission")
        .doesNotContain("League", "Union", "President Lee", "The Commission");
  }

  @Test
  void aDateIsNoPartOfThePlaceBeforeIt() {
    List<String> k = keywords("Leaders meet", "Leaders will meet at the summit, which will take place in Venice June "
        + "8-10, and Venice officials said the Venice summit was ready.");

    assertThat(k).contains("Venice").noneMatch(s -> s.contains("June"));
  }

  @Test
  void andJoinsANameWhoseHalvesAreNeverWrittenAlone() {
    List<String> k = keywords("Law and Justice loses", "Voters left Law and Justice on Sunday. Law and Justice said it "
        + "would regroup. Britain and France watched, and Britain said so. Shares of Apple and Google rose.");

    assertThat(k).contains("Law and Justice", "Britain", "France", "Apple", "Google")
        .doesNotContain("Law", "Justice", "Britain and France", "Apple and Google");
  }

  @Test
  void andBeforeAnOrganisationsHeadNounIsPartOfTheName() {
    assertThat(keywords("Markets", "The exchange was in contact with the Securities and Exchange Commission."))
        .contains("Securities and Exchange Commission").doesNotContain("Exchange Commission", "Securities");
    assertThat(keywords("Talks", "Officials met Kestrel and Halden Institute on Monday."))
        .contains("Kestrel and Halden Institute");
    assertThat(keywords("Talks", "Officials met Kestrel and Halden Institute. Kestrel said no."))
        .contains("Kestrel", "Halden Institute").doesNotContain("Kestrel and Halden Institute");
  }

  @Test
  void aPossessiveEndsANameWhenItsWordIsNamedAlone() {
    assertThat(keywords("Vote", "Voters backed Dana Osei's Civic Coalition on Sunday, and Osei thanked them."))
        .contains("Civic Coalition", "Osei").noneMatch(s -> s.contains("'s"));
    assertThat(keywords("Press", "The party's People's Daily wrote it, and People's Daily readers agreed."))
        .contains("People's Daily").doesNotContain("Daily");
  }

  @Test
  void aQuotedTitleKeepsItsLeadingArticle() {
    List<String> k = keywords("Drama 'The Salt Orchard' wins", "\"The Salt Orchard,\" a drama, won. Critics "
        + "praised \"Northern Lights Hotel\" too, and Mara Quintos said \"Thank you all.\"");

    assertThat(k).contains("The Salt Orchard", "Northern Lights Hotel", "Mara Quintos")
        .doesNotContain("Salt Orchard", "Salt", "Orchard", "Lights Hotel", "Thank you all");
  }

  @Test
  void aHeadlineQuotesAPhraseInCapitalsThatIsNoTitle() {
    assertThat(keywords("Minister 'Deeply Concerned' By Kestrel", "The minister said she was deeply concerned by "
        + "Kestrel."))
        .contains("Kestrel").doesNotContain("Deeply Concerned");
  }

  @Test
  void aConnectorDoesNotOpenANameAfterATitle() {
    assertThat(keywords("Visit", "He met the President of France in Paris on Monday, officials said."))
        .contains("France").noneMatch(s -> s.startsWith("of "));
  }

  @Test
  void designationsStayWithTheirNames() {
    List<String> k = keywords("Jets and planets", "Astronomers studied WASP-39 b again. Airlines flew the "
        + "Boeing 737 MAX after regulators cleared the Boeing 737 MAX.");

    assertThat(k).contains("WASP-39 b", "Boeing 737 MAX");
  }

  @Test
  void aDesignationTheArticleWritesAloneIsANameOfItsOwn() {
    List<String> k = keywords("Engines", "AMR ordered planes with CF6-80C2 GE engines. GE said the order helps.");

    assertThat(k).contains("CF6-80C2", "GE").doesNotContain("CF6-80C2 GE");
  }

  @Test
  void aNameBrokenAcrossAWrappedLineIsOneName() {
    List<String> k = keywords("Markets", "Phelan said there is no guarantee that halting trading on the New\n"
        + "York Stock Exchange would help, and the New York Stock Exchange agreed.");

    assertThat(k).contains("New York Stock Exchange").doesNotContain("York Stock Exchange", "New", "York");
    assertThat(keywords("Members", "Members:\nKestrel\nHalden\nKestrel\nHalden"))
        .contains("Kestrel", "Halden").doesNotContain("Kestrel Halden", "Halden Kestrel");
  }

  @Test
  void theDatelineIsNoKeyword() {
    assertThat(keywords("Markets", "NEW YORK (Reuters) - Stocks rose on Monday as Nvidia gained."))
        .contains("Nvidia").doesNotContain("YORK", "NEW YORK", "Reuters");
    assertThat(keywords("Rates", "LONDON, March 3 - The Bank of England held rates."))
        .contains("Bank of England").doesNotContain("LONDON");
    assertThat(Datelines.strip("SEOUL, Jan. 5 (Yonhap) -- Samsung said")).isEqualTo("Samsung said");
    assertThat(Datelines.strip("The Fed - again - held")).isEqualTo("The Fed - again - held");
  }

  @Test
  void aCapitalHeadlineTakesTheBodysCase() {
    List<String> k = keywords("NVIDIA SHARES JUMP ON AI DEMAND",
        "Nvidia said demand for AI chips rose. Analysts expect Nvidia to gain.");

    assertThat(k).startsWith("Nvidia", "AI").doesNotContain("NVIDIA");
  }
}
