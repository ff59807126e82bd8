package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Korean user dictionary: shipped default, a file from configuration, none, and bad files. */
class UserDictionaryTest {

  /** Words stock Nori reads with a particle or verb inside, so that the keyword loses a part. */
  private static final String MISREAD = "마이크로소프트가 팔란티어와 앤트로픽에 투자했다.";

  private static List<String> displays(KeywordConfig config, String body) {
    try (KeywordExtractor extractor = new KeywordExtractor(config)) {
      return extractor.extract("", body, "ko").stream().map(Keyword::display).toList();
    }
  }

  @Test
  void shippedDictionaryKeepsNamesThatStockNoriMisreadsWhole() {
    assertThat(displays(KeywordConfig.defaults(), MISREAD)).containsExactlyInAnyOrder("마이크로소프트", "팔란티어", "앤트로픽", "투자");
    // Without it Nori reads 마이크 + 로 (a particle) + 소프트, 팔 + 란 + 티어, 앤트 + 로 + 픽.
    assertThat(displays(KeywordConfig.withoutUserDictionary(), MISREAD)).containsExactlyInAnyOrder("마이크", "티어", "앤트", "투자");
  }

  @Test
  void shippedDictionaryHoldsTheNamesOfCurrentNews() {
    KeywordConfig defaults = KeywordConfig.defaults();

    assertThat(defaults.userDictionaryName()).isEqualTo("built-in user-dictionary-ko.txt");
    assertThat(defaults.userDictionaryEntries()).isBetween(30, 200);
    assertThat(displays(defaults, "딥시크와 바이트댄스, 오픈AI의 챗GPT, 그록과 제미나이, 엔비디아와 SK하이닉스"))
        .containsExactly("딥시크", "바이트댄스", "오픈AI", "챗GPT", "그록", "제미나이", "엔비디아", "SK하이닉스");
  }

  @Test
  void defaultExtractorUsesTheShippedDictionary() {
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      assertThat(extractor.config()).isSameAs(KeywordConfig.defaults());
    }
  }

  @Test
  void dictionaryFileFromConfigurationReplacesTheShippedOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("my-dictionary.txt");
    Files.writeString(file, """
        # my newsroom's words
        앤트로픽   # stock Nori reads 앤트 + 로 + 픽
        한빛양자 한빛 양자
        """, StandardCharsets.UTF_8);

    KeywordConfig config = KeywordConfig.from(Map.of(KeywordConfig.USER_DICTIONARY, file.toString()));

    assertThat(config.userDictionaryName()).isEqualTo(file.toString());
    assertThat(config.userDictionaryEntries()).isEqualTo(2);
    // 마이크로소프트 is in the shipped dictionary only.
    assertThat(displays(config, "앤트로픽이 한빛양자와 손잡았다. 마이크로소프트가 말했다."))
        .containsExactly("앤트로픽", "한빛양자", "마이크");
  }

  @Test
  void entriesAreMatchedInTheirNfkcForm(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("full-width.txt");
    Files.writeString(file, "ＬＧ에너지솔루션\n", StandardCharsets.UTF_8);

    // Stock Nori reads LG + 에 (a particle) + 너지 + 솔루션, which leaves the keyword LG.
    assertThat(displays(KeywordConfig.withUserDictionary(file), "LG에너지솔루션은 공장을 짓는다."))
        .containsExactly("LG에너지솔루션", "공장");
    assertThat(displays(KeywordConfig.withoutUserDictionary(), "LG에너지솔루션은 공장을 짓는다."))
        .containsExactly("LG", "공장");
  }

  @Test
  void byteOrderMarkAtTheStartOfTheFileIsNoPartOfTheFirstEntry(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.txt");
    Files.writeString(file, "\uFEFF팔란티어\n", StandardCharsets.UTF_8);

    assertThat(displays(KeywordConfig.withUserDictionary(file), "팔란티어가 말했다.")).containsExactly("팔란티어");
  }

  @Test
  void noneOrAbsentKeySelectsStockNoriOrTheShippedDictionary() {
    assertThat(KeywordConfig.from(Map.of(KeywordConfig.USER_DICTIONARY, "None")).userDictionaryName())
        .isEqualTo("none");
    assertThat(KeywordConfig.from(Map.of()).userDictionaryName()).isEqualTo("built-in user-dictionary-ko.txt");
    assertThat(KeywordConfig.USER_DICTIONARY).isEqualTo("newsflow.keywords.user-dictionary");
  }

  @Test
  void missingFileIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.txt");

    assertThatThrownBy(() -> KeywordConfig.from(Map.of(KeywordConfig.USER_DICTIONARY, missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("newsflow.keywords.user-dictionary=" + missing + " cannot be read");
  }

  @Test
  void entryWithMorePartsThanCharactersIsReportedWithTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "퀀텀리프\n양자 양 자 컴\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> KeywordConfig.withUserDictionary(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("newsflow.keywords.user-dictionary=" + file + " is not a Nori user dictionary: ")
        .hasMessageContaining("양자 양 자 컴");
  }

  @Test
  void perThreadExtractorIsBuiltOncePerConfiguration() {
    KeywordExtractor first = PerThreadExtractor.get();
    KeywordConfig none = KeywordConfig.withoutUserDictionary();

    assertThat(PerThreadExtractor.get()).isSameAs(first);
    assertThat(PerThreadExtractor.get(KeywordConfig.defaults())).isSameAs(first);
    KeywordExtractor other = PerThreadExtractor.get(none);
    assertThat(other).isNotSameAs(first);
    assertThat(other.config()).isSameAs(none);
    assertThat(PerThreadExtractor.get(none)).isSameAs(other);
  }
}
