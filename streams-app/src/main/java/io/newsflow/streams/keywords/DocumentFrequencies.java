package io.newsflow.streams.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How common each word is across text in general: the background model that tells an informative keyword
 * (딥시크, Nvidia) from a frequent one (발생, 오후, former, money). Shipped as word statistics only, one file per
 * language next to this class ({@code df-ko.tsv}, {@code df-en.tsv}), built by {@code newsflow keyword-model}
 * from openly licensed text (see the files' headers); never the text. Immutable, shared by every extractor.
 *
 * <p>{@link #idf} is the inverse document frequency ln((N + 1) / (df + 0.5)): a word the background never saw
 * gets the highest value, a word in every document about 0.
 */
public final class DocumentFrequencies {

  private static final Map<String, DocumentFrequencies> SHIPPED = new HashMap<>();
  private static final DocumentFrequencies NONE = new DocumentFrequencies("none", 0, Map.of());

  private final String name;
  private final long documents;
  private final Map<String, Integer> frequencies;
  private final double unseen;

  DocumentFrequencies(String name, long documents, Map<String, Integer> frequencies) {
    this.name = name;
    this.documents = documents;
    this.frequencies = frequencies;
    this.unseen = Math.log((documents + 1) / 0.5);
  }

  /** The shipped model of {@code language} (ISO 639-1); a model without words for a language it has none of. */
  public static synchronized DocumentFrequencies shipped(String language) {
    return SHIPPED.computeIfAbsent(language, DocumentFrequencies::load);
  }

  /** The inverse document frequency of a counting key (NFKC, lower case). */
  public double idf(String key) {
    if (documents == 0) {
      return 1;
    }
    Integer df = frequencies.get(key);
    return df == null ? unseen : Math.log((documents + 1) / (df + 0.5));
  }

  public long documents() {
    return documents;
  }

  public int words() {
    return frequencies.size();
  }

  @Override
  public String toString() {
    return "DocumentFrequencies[" + name + ", documents=" + documents + ", words=" + frequencies.size() + "]";
  }

  /**
   * Reads a model: '#' lines are comments, except {@code #documents<TAB>N}; every other line is
   * {@code key<TAB>df}.
   */
  static DocumentFrequencies read(String name, InputStream in) throws IOException {
    Map<String, Integer> frequencies = new HashMap<>();
    long documents = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        if (line.startsWith("#documents\t")) {
          documents = Long.parseLong(line.substring(tab + 1).strip());
        } else if (!line.startsWith("#") && tab > 0) {
          frequencies.merge(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()), Integer::sum);
        }
      }
    }
    if (documents <= 0) {
      throw new IllegalArgumentException(name + ": no '#documents<TAB>N' line");
    }
    return new DocumentFrequencies(name, documents, Map.copyOf(frequencies));
  }

  private static DocumentFrequencies load(String language) {
    String resource = "df-" + language + ".tsv";
    try (InputStream in = DocumentFrequencies.class.getResourceAsStream(resource)) {
      return in == null ? NONE : read(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
