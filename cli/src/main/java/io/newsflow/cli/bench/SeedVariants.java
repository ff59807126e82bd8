package io.newsflow.cli.bench;

import io.newsflow.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes any number of distinct articles out of a few seed articles, for the default benchmark corpus. Article i
 * takes the title and language of seed i mod n and as many sentences as that seed has, drawn from all seed
 * sentences of its language, each with its words shuffled, in paragraphs of three, plus one sentence naming
 * its number. Shuffling the words within sentences leaves the analyzers the same words to read (Korean words
 * carry their particles) while the pairs of adjacent words that dedup compares differ from article to
 * article, so no article is a near duplicate of another, as in a real feed; the seeds' own sentences would make
 * every article a near duplicate of others and dedup the benchmark's main work. Deterministic for a given
 * random seed; two corpora with different random seeds share no article.
 */
final class SeedVariants {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\n+");

  private SeedVariants() {
  }

  static List<BenchCorpus.Entry> generate(List<Article> seeds, int count, Instant start, String idPrefix,
      long randomSeed) {
    Map<String, List<String>> sentencesByLanguage = new HashMap<>();
    List<Integer> sentenceCounts = new ArrayList<>();
    for (Article seed : seeds) {
      List<String> sentences = sentences(seed.getBody());
      sentencesByLanguage.computeIfAbsent(seed.getLanguage(), l -> new ArrayList<>()).addAll(sentences);
      sentenceCounts.add(Math.max(sentences.size(), 3));
    }
    Random random = new Random(randomSeed);
    List<BenchCorpus.Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Article seed = seeds.get(i % seeds.size());
      String body = body(sentencesByLanguage.get(seed.getLanguage()), sentenceCounts.get(i % seeds.size()), random)
          + ' ' + numbered(seed.getLanguage(), i + 1);
      String id = String.format("%s%06d", idPrefix, i + 1);
      entries.add(new BenchCorpus.Entry(id, "https://bench.newsflow.example/articles/" + id, seed.getTitle(),
          body, start.plusSeconds(i)));
    }
    return entries;
  }

  /**
   * A body of {@code sentences} sentences drawn from {@code pool}, each with its words shuffled, in paragraphs
   * of three.
   */
  static String body(List<String> pool, int sentences, Random random) {
    StringBuilder body = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        body.append(s % 3 == 0 ? "\n\n" : " ");
      }
      body.append(shuffled(pool.get(random.nextInt(pool.size())), random));
    }
    return body.toString();
  }

  static List<String> sentences(String body) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(body)) {
      if (s.strip().split("\\s+").length >= 3) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** The sentence's words in random order, ending with the sentence's last punctuation mark if it had one. */
  static String shuffled(String sentence, Random random) {
    String end = "";
    String text = sentence;
    char last = text.charAt(text.length() - 1);
    if (last == '.' || last == '!' || last == '?' || last == '。') {
      end = String.valueOf(last);
      text = text.substring(0, text.length() - 1);
    }
    List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")));
    Collections.shuffle(words, random);
    return String.join(" ", words) + end;
  }

  static String numbered(String language, int number) {
    return "ko".equals(language)
        ? "이 기사는 벤치마크용 " + number + "번 기사다."
        : "This is benchmark article " + number + ".";
  }
}
