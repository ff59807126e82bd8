package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frequent words Nori does not know, as candidate user-dictionary entries. */
class KeywordCandidatesTest {

  /** Made-up articles: 퀀텀리프 and 한빛양자 are invented start-ups. */
  private static final List<String> ARTICLES = List.of(
      "퀀텀리프가 새 칩을 공개했다. 퀀텀리프 대표는 팔란티어와 협력한다고 밝혔다.",
      "퀀텀리프의 경쟁사 한빛양자도 주목받는다. 팔란티어는 답하지 않았다. 국민의힘은 반대했다.",
      "딥시크가 또 모델을 냈다. 개인정보 논란도 있다. 마이크로소프트가 말했다.");

  private static List<KeywordCandidates.Candidate> candidates(KeywordConfig config, int minOccurrences) {
    try (KeywordCandidates candidates = new KeywordCandidates(config)) {
      ARTICLES.forEach(body -> candidates.add("", body));
      assertThat(candidates.articles()).isEqualTo(3);
      return candidates.ranked(minOccurrences);
    }
  }

  @Test
  void wordsNoriDoesNotKnowAreRankedByFrequencyWithHowNoriReadThem() {
    List<KeywordCandidates.Candidate> ranked = candidates(KeywordConfig.withoutUserDictionary(), 1);

    assertThat(ranked).containsExactly(
        new KeywordCandidates.Candidate("퀀텀리프", 3, 2, "joined", "퀀텀/NNP 리프/NNG"),
        new KeywordCandidates.Candidate("팔란티어", 2, 2, "split", "팔/VV 란/E 티어/NNG"),
        new KeywordCandidates.Candidate("국민의힘", 1, 1, "split", "국민/NNG 의/J 힘/NNG"),
        new KeywordCandidates.Candidate("딥시크", 1, 1, "joined", "딥/NNG 시크/NNG"),
        new KeywordCandidates.Candidate("마이크로소프트", 1, 1, "split", "마이크/NNG 로/J 소프트/NNG"),
        new KeywordCandidates.Candidate("한빛양자", 1, 1, "joined", "한/MM 빛/NNG 양자/NNG"));
  }

  @Test
  void wordsOfTheUserDictionaryAndCompoundsOfKnownNounsAreNoCandidates() {
    List<String> words = candidates(KeywordConfig.defaults(), 1).stream()
        .map(KeywordCandidates.Candidate::word).toList();

    assertThat(words).containsExactly("퀀텀리프", "국민의힘", "한빛양자")
        .doesNotContain("팔란티어", "딥시크", "마이크로소프트", "개인정보");
  }

  @Test
  void boundSuffixesStopWordsAndNumbersMakeNoCandidates() {
    try (KeywordCandidates candidates = new KeywordCandidates(KeywordConfig.withoutUserDictionary())) {
      // 발 is a bound suffix the keyword drops on purpose; 1억뷰 starts with a number; 재배포 is a stop word.
      candidates.add("", "퀀텀리프발 충격이 컸다. 조회수가 1억뷰를 넘었다. 무단전재 및 재배포 금지.");

      assertThat(candidates.ranked(1)).containsExactly(
          new KeywordCandidates.Candidate("조회수", 1, 1, "joined", "조/NNG 회수/NNG"),
          new KeywordCandidates.Candidate("퀀텀리프", 1, 1, "joined", "퀀텀/NNP 리프/NNG"));
    }
  }

  @Test
  void minimumOccurrencesLeavesOutRareWords() {
    assertThat(candidates(KeywordConfig.defaults(), 2)).extracting(KeywordCandidates.Candidate::word)
        .containsExactly("퀀텀리프");
  }

  @Test
  void linesAreInTheUserDictionaryFormatAndFixTheWordsOnceLoaded(@TempDir Path dir) throws IOException {
    List<KeywordCandidates.Candidate> ranked = candidates(KeywordConfig.withoutUserDictionary(), 1);
    assertThat(ranked.get(1).dictionaryLine())
        .isEqualTo("팔란티어\t# 2 times in 2 articles, split, Nori: 팔/VV 란/E 티어/NNG");
    assertThat(ranked.get(2).dictionaryLine())
        .isEqualTo("국민의힘\t# 1 time in 1 article, split, Nori: 국민/NNG 의/J 힘/NNG");
    Path file = dir.resolve("candidates.txt");
    Files.write(file, ranked.stream().map(KeywordCandidates.Candidate::dictionaryLine).toList(),
        StandardCharsets.UTF_8);

    KeywordConfig config = KeywordConfig.withUserDictionary(file);

    assertThat(config.userDictionaryEntries()).isEqualTo(6);
    assertThat(candidates(config, 1)).isEmpty();
    try (KeywordExtractor extractor = new KeywordExtractor(config)) {
      assertThat(extractor.extract("", ARTICLES.get(1) + " " + ARTICLES.get(2), "ko"))
          .extracting(Keyword::display).contains("팔란티어", "국민의힘", "마이크로소프트");
    }
  }
}
