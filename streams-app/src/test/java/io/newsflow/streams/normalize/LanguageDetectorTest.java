package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

  @Test
  void seedIsKoreanDespiteItsLatinAcronymsAndHanja() {
    assertThat(LanguageDetector.detect(Fixtures.read(Fixtures.SEED_KO))).isEqualTo("ko");
  }

  @Test
  void madeUpEnglishArticleIsEnglish() {
    assertThat(LanguageDetector.detect(Fixtures.read(Fixtures.ARTEMIS_EN))).isEqualTo("en");
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "오픈AI와 xAI가 GPU 확보 경쟁에 나섰다 | ko",
      "The company said on Monday that it will open a new plant in Texas. | en",
      "東京の電車は今日も混雑していました。 | ja",
      "今天北京的天气很好，我们去公园散步。 | zh",
      "Die Regierung hat am Montag neue Regeln für Banken beschlossen. | de",
      "Le gouvernement a présenté lundi un nouveau plan pour les banques. | fr",
      "El gobierno presentó el lunes un nuevo plan para los bancos. | es",
      "Il governo ha presentato lunedì un nuovo piano per le banche. | it",
      "O governo apresentou na segunda-feira um novo plano para os bancos. | pt",
      "De regering heeft maandag nieuwe regels voor banken aangenomen. | nl",
      "Rząd przedstawił w poniedziałek nowy plan dla banków. | pl",
      "Правительство представило новый план в понедельник. | ru",
      "Zephyra opened its harbour office in Valdmoor on Monday. | en",
      "AI GPU CEO NASA SpaceX | und",
      "AI GPU CEO | und",
      "2025-02-24 17:04 !!! | und",
  })
  void scriptsFunctionWordsAndTheModelDecide(String text, String expected) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
  }

  @Test
  void emptyTextIsUndetermined() {
    assertThat(LanguageDetector.detect("")).isEqualTo("und");
  }
}
