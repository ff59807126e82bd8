package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.KeywordModel;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;

/**
 * Every schema version kept under {@code schemas/versions/<Record>/vN.avsc} must be readable by the
 * next one (BACKWARD) and must read the next one (FORWARD: a consumer built on an old version keeps reading
 * what a new producer writes), and the newest version must be the schema the classes are generated from,
 * so a change to a contract cannot land without a new, compatible version file.
 */
class SchemaHistoryCompatibilityTest {

  private static final Path VERSIONS = Path.of("versions");

  private static final List<Class<? extends SpecificRecord>> CONTRACT =
      List.of(RawArticle.class, Article.class, DuplicateNotice.class, TrendSnapshot.class, DeadLetter.class,
          KeywordModel.class);

  @TestFactory
  Stream<DynamicTest> everyVersionReadsTheOneBefore() throws IOException {
    try (Stream<Path> dirs = Files.list(VERSIONS)) {
      List<Path> records = dirs.filter(Files::isDirectory).sorted().toList();
      assertThat(records).extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrderElementsOf(CONTRACT.stream().map(Class::getSimpleName).toList());
      return records.stream().flatMap(SchemaHistoryCompatibilityTest::pairsOf);
    }
  }

  @TestFactory
  Stream<DynamicTest> newestVersionIsTheGeneratedSchema() {
    return CONTRACT.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
      List<Path> history = versionsOf(VERSIONS.resolve(type.getSimpleName()));
      Schema newest = parse(history.get(history.size() - 1));
      Schema generated = (Schema) type.getMethod("getClassSchema").invoke(null);
      assertThat(newest).isEqualTo(withoutJavaStringHints(generated));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyVersionIsReadByTheOneBefore() throws IOException {
    try (Stream<Path> dirs = Files.list(VERSIONS)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .flatMap(dir -> pairsOf(dir, true));
    }
  }

  @Test
  void trendSnapshotHasAnOldVersionAndANewOne() {
    assertThat(versionsOf(VERSIONS.resolve("TrendSnapshot"))).extracting(p -> p.getFileName().toString())
        .containsExactly("v1.avsc", "v2.avsc");
  }

  private static Stream<DynamicTest> pairsOf(Path recordDir) {
    return pairsOf(recordDir, false);
  }

  /** Each version paired with the one before: the newer reads the older, or ({@code forward}) the reverse. */
  private static Stream<DynamicTest> pairsOf(Path recordDir, boolean forward) {
    List<Path> history = versionsOf(recordDir);
    assertThat(history).as("versions of %s", recordDir).isNotEmpty();
    return java.util.stream.IntStream.range(1, history.size()).mapToObj(i -> {
      Path older = history.get(i - 1);
      Path newer = history.get(i);
      Path readerFile = forward ? older : newer;
      Path writerFile = forward ? newer : older;
      return DynamicTest.dynamicTest(recordDir.getFileName() + " " + readerFile.getFileName() + " reads "
          + writerFile.getFileName(), () -> {
            Schema writer = parse(writerFile);
            Schema reader = parse(readerFile);
            SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
          });
    });
  }

  private static List<Path> versionsOf(Path recordDir) {
    try (Stream<Path> files = Files.list(recordDir)) {
      return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaHistoryCompatibilityTest::versionNumber))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + recordDir, e);
    }
  }

  private static int versionNumber(Path p) {
    String name = p.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf('.')));
  }

  /** The code generator's {@code stringType=String} adds these hints; they are not part of the contract. */
  private static Schema withoutJavaStringHints(Schema generated) {
    return new Schema.Parser().parse(generated.toString().replace(",\"avro.java.string\":\"String\"", "")
        .replaceAll("\\{\"type\":\"string\"\\}", "\"string\""));
  }

  private static Schema parse(Path p) throws IOException {
    return new Schema.Parser().parse(Files.readString(p));
  }
}
