package io.newsflow.streams.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the text fixtures under src/test/resources/fixtures. */
public final class Fixtures {

  /** The project's seed article, a Korean portal page, byte for byte. */
  public static final String SEED_KO = "seed-ko.txt";
  /** A made-up Korean portal page: no 수정 line, two reporters, an afternoon time, a copyright line. */
  public static final String QUANTUMLEAP_KO = "quantumleap-ko.txt";
  /** A made-up English article; the first line is the title. */
  public static final String ARTEMIS_EN = "artemis-en.txt";

  private Fixtures() {}

  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
