package io.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroSerde;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a downstream service gets from the two artifacts it depends on (schemas, and this module's serde): the
 * jars as packaged, each with its sources jar beside it and the licence inside both. Runs after {@code package},
 * when the classes on the classpath come from those jars.
 */
class PublishedJarsIT {

  @ParameterizedTest
  @ValueSource(classes = {TrendSnapshot.class, AvroSerde.class})
  void theJarAndItsSourcesJarCarryTheApacheLicence(Class<?> published) throws Exception {
    Path jar = jarOf(published);
    Path sources = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-sources.jar"));

    assertThat(sources).exists();
    for (Path file : List.of(jar, sources)) {
      try (JarFile opened = new JarFile(file.toFile())) {
        assertThat(licence(opened)).as("META-INF/LICENSE of %s", file)
            .startsWith("\n                                 Apache License\n")
            .contains("Version 2.0, January 2004");
      }
    }
    try (JarFile opened = new JarFile(sources.toFile())) {
      String source = published.getName().replace('.', '/') + ".java";
      assertThat(opened.getEntry(source)).as("%s in %s", source, sources).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Article", "RawArticle", "TrendSnapshot", "DuplicateNotice", "DeadLetter", "KeywordModel"})
  void theSchemasJarHoldsEachCurrentAvscBesideItsClass(String record) throws Exception {
    try (JarFile opened = new JarFile(jarOf(TrendSnapshot.class).toFile())) {
      assertThat(opened.getEntry("io/newsflow/avro/" + record + ".avsc")).isNotNull();
      assertThat(opened.getEntry("io/newsflow/avro/" + record + ".class")).isNotNull();
    }
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(location.getFileName().toString()).as("where %s was loaded from", type).endsWith(".jar");
    assertThat(Files.isRegularFile(location)).isTrue();
    return location;
  }

  private static String licence(JarFile jar) throws IOException {
    ZipEntry entry = jar.getEntry("META-INF/LICENSE");
    assertThat(entry).as("META-INF/LICENSE in %s", jar.getName()).isNotNull();
    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
  }
}
