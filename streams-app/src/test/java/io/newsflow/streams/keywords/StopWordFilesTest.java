package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stop-word lists come from the resource files, one per language. */
class StopWordFilesTest {

  @Test
  void eachLanguageHasItsListFromItsFile() {
    assertThat(StopWords.korean().contains("기자")).isTrue();
    assertThat(StopWords.englishWithNewsWords().contains("said")).isTrue();
    assertThat(StopWords.chinese().contains("记者")).isTrue();
    assertThat(StopWords.japanese().contains("記者")).isTrue();
    assertThat(StopWords.englishNamePrefixes().contains("President")).isTrue();
    assertThat(StopWords.englishNameSuffixes().contains("Inc")).isTrue();
  }

  @Test
  void newsroomWordsAreNoKeywordsInAnyLanguage() {
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      assertThat(extractor.extract("", "기자가 반도체를 봤다.", "ko")).extracting(Keyword::key).containsExactly("반도체");
      assertThat(extractor.extract("", "记者报道了芯片。", "zh")).extracting(Keyword::key).containsExactly("芯片");
      assertThat(extractor.extract("", "記者が半導体を取材した。", "ja")).extracting(Keyword::key).containsExactly("半導体", "取材");
    }
  }
}
