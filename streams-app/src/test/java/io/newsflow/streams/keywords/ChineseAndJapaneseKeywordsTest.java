package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chinese (smartcn) and Japanese (kuromoji) articles have keywords instead of being dropped. */
class ChineseAndJapaneseKeywordsTest {

  /** Made-up Chinese and Japanese news sentences. */
  private static final String ZH_TITLE = "英伟达股价下跌";
  private static final String ZH_BODY = "中国人工智能初创公司深度求索发布了新的DeepSeek模型，英伟达股价下跌。记者表示，英伟达将回应。";
  private static final String JA_TITLE = "生成AIの規制";
  private static final String JA_BODY = "日本政府は生成AIの規制を検討している。ソフトバンクとオープンAIが東京で発表した。今回のことについて記者が質問した。";

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
  void chineseWordsOfTwoOrMoreCharactersAreKeywords() {
    List<Keyword> keywords = extractor.extract(ZH_TITLE, ZH_BODY, "zh");

    assertThat(keywords.subList(0, 3)).containsExactly(
        new Keyword("英伟达", "英伟达", 4), new Keyword("股价", "股价", 3), new Keyword("下跌", "下跌", 3));
    assertThat(displays(keywords)).contains("中国", "人工智能", "公司", "模型", "DeepSeek")
        // Single characters and stop words (记者, 表示) are no keywords.
        .doesNotContain("了", "的", "新", "记者", "表示", "deepseek");
  }

  @Test
  void chineseNameSmartcnDoesNotKnowIsJoinedFromItsSingleCharacters() {
    assertThat(displays(extractor.extract("", "美国总统特朗普宣布新的关税。", "zh")))
        .containsExactly("美国", "总统", "特朗普", "宣布", "关税");
  }

  @Test
  void chineseLatinNamesKeepTheirDigitsAndCase() {
    assertThat(displays(extractor.extract("", "OpenAI发布GPT-4.5模型。", "zh")))
        .containsExactly("OpenAI", "发布", "GPT-4.5", "模型");
  }

  @Test
  void japaneseNounsThatTouchAreOneKeyword() {
    List<Keyword> keywords = extractor.extract(JA_TITLE, JA_BODY, "ja");

    assertThat(keywords).containsExactly(
        new Keyword("生成ai", "生成AI", 3),
        new Keyword("規制", "規制", 3),
        new Keyword("日本政府", "日本政府", 1),
        new Keyword("検討", "検討", 1),
        new Keyword("ソフトバンク", "ソフトバンク", 1),
        new Keyword("オープンai", "オープンAI", 1),
        new Keyword("東京", "東京", 1),
        new Keyword("質問", "質問", 1));
  }

  @Test
  void japaneseLatinNamesKeepTheirDigits() {
    assertThat(displays(extractor.extract("", "GPT-4.5を公開した。", "ja"))).containsExactly("GPT-4.5", "公開");
  }

  @Test
  void otherLanguagesStillGetLowerCasedWords() {
    assertThat(displays(extractor.extract("", "Die Regierung plant Zölle.", "de")))
        .containsExactlyInAnyOrder("die", "regierung", "plant", "zölle");
  }
}
