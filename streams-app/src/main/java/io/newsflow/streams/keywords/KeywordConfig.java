package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * The configuration of keyword extraction: which Korean user dictionary Nori reads. The dictionary is read and
 * parsed when the configuration is made, so a missing or malformed file fails at startup with one line naming
 * it, not on a stream thread per record. Immutable and safe to share between threads: Nori only reads a
 * {@link UserDictionary}, and every extractor made from one configuration shares it.
 *
 * <p>The file format is Nori's: one word per line, optionally followed by its parts separated by spaces;
 * {@code #} starts a comment. The shipped default is {@value #BUILT_IN_RESOURCE} next to this class.
 */
public final class KeywordConfig {

  /** The configuration key: a path to a user dictionary file, or {@value #NONE} for stock Nori. */
  public static final String USER_DICTIONARY = "newsflow.keywords.user-dictionary";
  /** The value of {@link #USER_DICTIONARY} that turns the user dictionary off. */
  public static final String NONE = "none";

  static final String BUILT_IN_RESOURCE = "user-dictionary-ko.txt";
  private static final String BUILT_IN_NAME = "built-in " + BUILT_IN_RESOURCE;

  private static final class BuiltIn {
    // Parsed once per JVM, on first use.
    static final KeywordConfig DEFAULTS = builtIn();
  }

  private final String dictionaryName;
  private final UserDictionary userDictionary;
  private final int entries;

  private KeywordConfig(String dictionaryName, UserDictionary userDictionary, int entries) {
    this.dictionaryName = dictionaryName;
    this.userDictionary = userDictionary;
    this.entries = entries;
  }

  /** The shipped user dictionary. */
  public static KeywordConfig defaults() {
    return BuiltIn.DEFAULTS;
  }

  /** Stock Nori, no user dictionary: what {@code keyword-candidates --user-dictionary none} compares with. */
  public static KeywordConfig withoutUserDictionary() {
    return new KeywordConfig(NONE, null, 0);
  }

  /**
   * The user dictionary in {@code file} (UTF-8), instead of the shipped one.
   *
   * @throws IllegalArgumentException when the file cannot be read or parsed; the message names it
   */
  public static KeywordConfig withUserDictionary(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(USER_DICTIONARY + "=" + file + " cannot be read: " + e.getMessage(), e);
    }
    return parse(file.toString(), new StringReader(text));
  }

  /**
   * From configuration: {@value #USER_DICTIONARY} set to a path, to {@value #NONE}, or absent (the shipped
   * dictionary).
   *
   * @throws IllegalArgumentException as {@link #withUserDictionary(Path)}
   */
  public static KeywordConfig from(Map<String, String> config) {
    String value = config.get(USER_DICTIONARY);
    if (value == null || value.isBlank()) {
      return defaults();
    }
    if (value.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
      return withoutUserDictionary();
    }
    return withUserDictionary(Path.of(value.strip()));
  }

  /** Where the dictionary came from, for logs and reports: a path, "built-in ...", or "none". */
  public String userDictionaryName() {
    return dictionaryName;
  }

  /** How many entries the user dictionary holds. */
  public int userDictionaryEntries() {
    return entries;
  }

  /** Null when there is none (Nori's own convention). */
  UserDictionary userDictionary() {
    return userDictionary;
  }

  @Override
  public String toString() {
    return "KeywordConfig[userDictionary=" + dictionaryName + ", entries=" + entries + "]";
  }

  private static KeywordConfig builtIn() {
    try (InputStream in = KeywordConfig.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("user dictionary missing from the classpath: " + BUILT_IN_RESOURCE);
      }
      return parse(BUILT_IN_NAME, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
    }
  }

  private static KeywordConfig parse(String name, Reader reader) {
    StringBuilder text = new StringBuilder();
    try (Reader r = reader) {
      char[] buffer = new char[8192];
      for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(USER_DICTIONARY + "=" + name + " cannot be read: " + e.getMessage(), e);
    }
    // Keywords are extracted from NFKC text, so entries must be NFKC too (ＡＩ in a file matches AI in text).
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (normalized.startsWith("\uFEFF")) {
      // A byte order mark, as some Windows editors write, would glue itself to the first entry.
      normalized = normalized.substring(1);
    }
    int entries = 0;
    for (String line : normalized.split("\\R")) {
      int hash = line.indexOf('#');
      if (!(hash < 0 ? line : line.substring(0, hash)).isBlank()) {
        entries++;
      }
    }
    try {
      return new KeywordConfig(name, UserDictionary.open(new StringReader(normalized)), entries);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(USER_DICTIONARY + "=" + name + " is not a Nori user dictionary: "
          + e.getMessage(), e);
    }
  }
}
