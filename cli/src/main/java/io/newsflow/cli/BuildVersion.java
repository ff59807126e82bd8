package io.newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version that {@code newsflow --version} prints, taken from the build (a resource the build filters) so
 * that it cannot drift from the pom's.
 */
public final class BuildVersion implements IVersionProvider {

  static final String RESOURCE = "version.properties";

  /** The pom's version, e.g. 0.1.0-SNAPSHOT. */
  public static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + BuildVersion.class.getName()
            + ": the jar was not built by Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"newsflow " + version()};
  }
}
