package io.newsflow.streams.keywords;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nouns an article itself shows to be nouns, whatever Nori makes of them: a word (eojeol) that recurs with
 * particles after it (온열질환자가, 온열질환자는, 온열질환자) is a noun as a whole, which is the left-right
 * evidence soynlp's noun extractor counts over a corpus, here within one article. Nori cuts unknown names
 * (온열질환자 -> 온열, 폼페이오 -> 폼페이, 슬리모타이드 -> 리모타이드); the keyword then takes the whole stem.
 *
 * <p>What one article shows once, the stream shows again: every whole noun an article writes before a particle
 * where Nori reads less is reported as {@link #evidence()}, which the keyword model counts over articles
 * ({@code io.newsflow.streams.learn}); the nouns it learned come back through {@link #read(String, String, Set)}
 * and are kept whole even in an article that writes them once. Not thread-safe: one per extractor.
 */
final class NounStems {

  /** Particles, longest first, that follow a noun; a stem is what precedes one of them. */
  private static final List<String> PARTICLES = List.of("에서는", "에서도", "에서만", "으로는", "으로도", "으로만",
      "에게는", "이라는", "이라고", "에서", "에게", "으로", "부터", "까지", "보다", "처럼", "마다", "와의", "과의", "에는",
      "에도", "에만", "로는", "로도", "로만", "과는", "와는", "은",
      "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도", "만");
  /** The last syllables of {@link #PARTICLES}: a word ending otherwise has none. */
  private static final String PARTICLE_ENDS = "는도서게로고터지다럼마의에은이가을를와과만";
  /** A stem has at most this many syllables: longer runs are phrases written without spaces. */
  private static final int MAX_SYLLABLES = 10;

  private final Map<String, int[]> counts = new HashMap<>();
  private final Set<String> evidence = new LinkedHashSet<>();
  private Set<String> learned = Set.of();

  /** Reads the words of an article's title and body (NFKC). */
  void read(String title, String body) {
    read(title, body, Set.of());
  }

  /** Reads the words of an article's title and body (NFKC), knowing the nouns the stream has shown whole. */
  void read(String title, String body, Set<String> learnedNouns) {
    read(title, body, learnedNouns, null);
  }

  /** As {@link #read(String, String, Set)}, also handing every word to {@code compounds} (may be null). */
  void read(String title, String body, Set<String> learnedNouns, SpacedCompounds compounds) {
    counts.clear();
    evidence.clear();
    learned = learnedNouns;
    if (compounds != null) {
      compounds.begin();
    }
    count(title, compounds);
    count(body, compounds);
    if (compounds != null) {
      compounds.end();
    }
  }

  /**
   * The whole nouns this article writes before a particle at least once where Nori read a shorter keyword, in
   * order of first occurrence: what the stream learns from.
   */
  Set<String> evidence() {
    return evidence;
  }

  private void count(String text, SpacedCompounds compounds) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      int gap = i;
      while (i < n && !wordChar(text.charAt(i))) {
        i++;
      }
      boolean oneSpace = i - gap == 1 && text.charAt(gap) == ' ';
      int start = i;
      while (i < n && wordChar(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      // Only words that open with a Hangul syllable can be stems; most others are skipped without a copy.
      if (i - start >= 2 && hangul(text.charAt(start))) {
        String word = text.substring(start, i);
        String stem = stemOf(word);
        String noun = null;
        if (stem != null) {
          int[] c = counts.computeIfAbsent(stem, s -> new int[3]);
          c[0]++;
          if (cutAmbiguous(word, stem)) {
            // 경기도 may be 경기 + 도 "also", or the noun 경기도: counted as both until the article tells which.
            c[2]++;
            counts.computeIfAbsent(word, s -> new int[3])[1]++;
          }
          noun = stem;
        } else if (candidate(word)) {
          counts.computeIfAbsent(word, s -> new int[3])[1]++;
          noun = verbal(word) ? null : word;
        }
        if (compounds != null) {
          compounds.word(word, noun, stem == null && noun != null, oneSpace);
        }
      } else if (compounds != null) {
        boolean acronym = i - start >= 2 && i - start <= 5 && allCapitals(text, start, i);
        compounds.word(acronym ? text.substring(start, i) : null, null, acronym, oneSpace);
      }
    }
  }

  private static boolean allCapitals(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /**
   * The whole noun of the word around [start, end) of {@code text} that holds the keyword Nori found there, when
   * the article shows it to be one: seen at least twice, once at least before a particle. Else null.
   */
  String nounAround(String text, int start, int end) {
    int from = wordStart(text, start);
    int to = wordEnd(text, end);
    String word = text.substring(from, to);
    String stem = stemOf(word);
    // A word the article also writes before particles (twice: one may be a particle no list has) is a noun as it
    // stands: 아이오아이 beside 아이오아이와 and 아이오아이는 is no 아이오아 + 이.
    int[] whole = stem == null ? null : counts.get(word);
    int[] cut = stem == null ? null : counts.get(stem);
    // A stem the article only ever shows cut off a 도 (경기도, 탄소국경조정제도, never 경기는 or 경기 alone) is no
    // stem: the 도 is the noun's own last syllable.
    boolean onlyAmbiguous = cut != null && cut[0] == cut[2] && cut[1] == 0 && cutAmbiguous(word, stem);
    String noun = stem == null || onlyAmbiguous || (whole != null && whole[0] >= 2) ? word : stem;
    int[] c = counts.get(noun);
    if (c == null || noun.length() == end - start) {
      return null;
    }
    if (c[0] > 0 && noun.length() > end - start && from + noun.length() >= end && text.startsWith(noun, from)) {
      evidence.add(noun);
    }
    if (learned.contains(noun) && noun.length() > end - start && from + noun.length() >= end
        && text.startsWith(noun, from)) {
      return noun;
    }
    if (c[0] == 0 || c[0] + c[1] < 2) {
      return null;
    }
    if (noun.length() < end - start) {
      // Nori took a particle into the noun (장애인과 read as 장애인 + 과 "department"): the stem the article
      // shows before particles at least twice is the noun.
      return c[0] >= 2 && from == start && text.startsWith(noun, start) ? noun : null;
    }
    return from + noun.length() >= end ? noun : null;
  }

  /** {@code ending} is one of the particles a noun may take (는, 를, 에서 ...). */
  static boolean isParticle(String ending) {
    return PARTICLES.contains(ending);
  }

  /** The noun a word (eojeol) writes: its stem before a particle, or the word itself when it can be a noun. */
  static String nounOf(String word) {
    if (word.length() < 2 || !hangul(word.charAt(0))) {
      return null;
    }
    String stem = stemOf(word);
    return stem != null ? stem : candidate(word) && !verbal(word) ? word : null;
  }

  static String stemOf(String word) {
    if (PARTICLE_ENDS.indexOf(word.charAt(word.length() - 1)) < 0) {
      return null;
    }
    for (String particle : PARTICLES) {
      if (word.length() > particle.length() && word.endsWith(particle)) {
        String stem = withoutSuffix(word.substring(0, word.length() - particle.length()));
        return candidate(stem) && !verbal(stem) ? stem : null;
      }
    }
    return null;
  }

  /** {@code stem} is {@code word} less a final 도, which is a particle ("also") or a noun's last syllable (道, 度). */
  private static boolean cutAmbiguous(String word, String stem) {
    return word.length() == stem.length() + 1 && word.endsWith("도");
  }

  /**
   * The plural 들 and the honorific 씨 follow a noun without being part of it (관광객들은, 김윤진씨는); 팬들이 leaves
   * 팬, too short for a stem, so the keyword is Nori's reading.
   */
  private static String withoutSuffix(String stem) {
    if ((stem.endsWith("들") && stem.length() >= 2) || (stem.endsWith("씨") && stem.length() >= 3)) {
      return stem.substring(0, stem.length() - 1);
    }
    return stem;
  }

  /** A verb or adjective stem before an ending that looks like a particle (진행되는, 비판하기도). */
  private static boolean verbal(String stem) {
    char last = stem.charAt(stem.length() - 1);
    return last == '하' || last == '되' || last == '히' || stem.endsWith("하기") || stem.endsWith("되기");
  }

  /** Two to ten syllables, starting with a Hangul syllable, of Hangul, Latin letters and digits only. */
  private static boolean candidate(String stem) {
    int syllables = stem.codePointCount(0, stem.length());
    if (syllables < 2 || syllables > MAX_SYLLABLES || !hangul(stem.charAt(0))) {
      return false;
    }
    boolean allHangul = true;
    for (int i = 0; i < stem.length(); i++) {
      allHangul &= hangul(stem.charAt(i));
    }
    return allHangul || stem.chars().allMatch(c -> hangul((char) c) || latinOrDigit((char) c));
  }

  /** Where the word (eojeol) that holds or ends at {@code at} starts. */
  static int wordStart(String text, int at) {
    int from = at;
    while (from > 0 && wordChar(text.charAt(from - 1))) {
      from--;
    }
    return from;
  }

  /** Where the word that holds or starts at {@code at} ends (exclusive). */
  static int wordEnd(String text, int at) {
    int to = at;
    while (to < text.length() && wordChar(text.charAt(to))) {
      to++;
    }
    return to;
  }

  static boolean wordChar(char c) {
    return hangul(c) || latinOrDigit(c);
  }

  static boolean hangul(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }

  private static boolean latinOrDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
