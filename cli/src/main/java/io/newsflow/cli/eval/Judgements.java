package io.newsflow.cli.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A judgement set: articles (by reference to a corpus file or a shipped file, never their text) with the
 * keywords an editor accepts in a top-10 list and the ones that must be in it. The file may include others
 * ({@code "include": ["judgements-corpus.json"]}), paths relative to it.
 */
public record Judgements(Path file, List<Judged> articles) {

  /**
   * One judged article.
   *
   * @param id       stable id, also the article's id
   * @param source   {@code {"file": PATH}} (relative to the judgement file), or {@code {"corpus": PATH, "line": N}}
   *                 / {@code {"corpus": PATH, "newid": N}} (relative to the corpus directory)
   * @param language ISO 639-1 code the judge read it as
   * @param accepted entries an editor accepts, each "form|other form"
   * @param must     entries that must be in the top 10, same notation
   */
  public record Judged(Path judgementFile, String id, JsonNode source, String language, String published,
                       String topic, List<String> accepted, List<String> must) {

    public boolean shipped() {
      return source.has("file");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public static Judgements read(Path file) {
    List<Judged> out = new ArrayList<>();
    collect(file.toAbsolutePath().normalize(), out, 0);
    return new Judgements(file, out);
  }

  private static void collect(Path file, List<Judged> out, int depth) {
    if (depth > 4) {
      throw new IllegalArgumentException(file + ": includes nested too deep");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    }
    for (JsonNode include : root.path("include")) {
      collect(file.resolveSibling(include.asText()), out, depth + 1);
    }
    for (JsonNode a : root.path("articles")) {
      String id = a.path("id").asText(null);
      if (id == null || !a.has("source") || !a.path("accepted").isArray()) {
        throw new IllegalArgumentException(file + ": an article needs id, source and accepted: " + a);
      }
      out.add(new Judged(file, id, a.get("source"), a.path("language").asText(""), a.path("published").asText(""),
          a.path("topic").asText(""), strings(a.path("accepted")), strings(a.path("must"))));
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
