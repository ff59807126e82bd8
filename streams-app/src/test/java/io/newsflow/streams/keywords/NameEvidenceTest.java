package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.keywords.Tally.Evidence;
import org.junit.jupiter.api.Test;

class NameEvidenceTest {

  /** The evidence of the first occurrence of {@code word} in a body text. */
  private static Evidence inBody(String text, String word) {
    return NameEvidence.of(word, text, text.indexOf(word), false, NameEvidence.shouting(text));
  }

  private static Evidence inTitle(String title, String word) {
    return NameEvidence.of(word, title, title.indexOf(word), true, NameEvidence.shouting(title));
  }

  @Test
  void capitalInsideASentenceIsAName() {
    assertThat(inBody("Shares of Nvidia fell.", "Nvidia")).isEqualTo(Evidence.CAPITALIZED);
    assertThat(inBody("Prices of chips \u2014 Nvidia's above all \u2014 fell.", "Nvidia"))
        .isEqualTo(Evidence.CAPITALIZED);
    assertThat(inBody("Prices rose, Mr. Osei said.", "Osei")).isEqualTo(Evidence.CAPITALIZED);
  }

  @Test
  void capitalWhereAnyWordTakesOneIsNoEvidence() {
    assertThat(inBody("Shares of Nvidia fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("Prices rose.  Shares fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("Prices rose!\nShares fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("Prices rose\n\nShares fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("He said: Shares fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("He said, \u201cShares fell.\u201d", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("He said, \"Shares fell.\"", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inBody("Markets:\n - Shares fell.", "Shares")).isEqualTo(Evidence.NONE);
    assertThat(inTitle("Chip stocks slide as Nvidia falls", "Nvidia")).isEqualTo(Evidence.NONE);
  }

  @Test
  void aNameGoingOnAfterAnInitialismsPointIsInsideTheSentence() {
    assertThat(inBody("The U.S. Food and Drug Administration approved it.", "Food")).isEqualTo(Evidence.CAPITALIZED);
    assertThat(inBody("The U.S. National Institute of Mental Health said.", "National"))
        .isEqualTo(Evidence.CAPITALIZED);
    assertThat(inBody("Both the U.K. Treasury Department and others.", "Treasury")).isEqualTo(Evidence.CAPITALIZED);
    // The point may end the sentence: a single capitalized word after it tells nothing.
    assertThat(inBody("Sales rose in the U.S. Analysts said so.", "Analysts")).isEqualTo(Evidence.NONE);
    // Only single letters with points make an initialism: "Inc." ends a sentence as any word does.
    assertThat(inBody("He joined Acme Inc. Food Safety Corp came later.", "Food")).isEqualTo(Evidence.NONE);
  }

  @Test
  void acronymsAndMixedCaseAreNamesAnywhere() {
    assertThat(inBody("OpenAI plans a release.", "OpenAI")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inBody("Rivals include xAI.", "xAI")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inBody("The iPhone sold.", "iPhone")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inBody("NASA said so.", "NASA")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inBody("GPUs are scarce.", "GPUs")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inTitle("OpenAI brings forward its next GPT release", "GPT")).isEqualTo(Evidence.NAME_SPELLING);
    assertThat(inTitle("OpenAI brings forward its next GPT release", "OpenAI")).isEqualTo(Evidence.NAME_SPELLING);
  }

  @Test
  void allCapitalsTextHasNoAcronyms() {
    assertThat(inTitle("KESTREL SHARES SOAR", "SHARES")).isEqualTo(Evidence.NONE);
    assertThat(NameEvidence.shouting("KESTREL SHARES SOAR 3%")).isTrue();
    assertThat(NameEvidence.shouting("Kestrel SHARES")).isFalse();
  }

  @Test
  void lowerCaseIsLowerAndUncasedScriptsTellNothing() {
    assertThat(inBody("Shares of Nvidia fell.", "fell")).isEqualTo(Evidence.LOWER);
    assertThat(inBody("The start-up \u6df1\u5ea6\u6c42\u7d22 grew.", "\u6df1\u5ea6\u6c42\u7d22"))
        .isEqualTo(Evidence.NONE);
  }
}
