package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFormatTest {

  @Test
  void knownExtensionsDecideWhateverTheContent() {
    assertThat(SourceFormat.detect(Path.of("a.JSON"), "not json")).isEqualTo(SourceFormat.JSON);
    assertThat(SourceFormat.detect(Path.of("a.jsonl"), "{}")).isEqualTo(SourceFormat.JSONL);
    assertThat(SourceFormat.detect(Path.of("a.ndjson"), "{}")).isEqualTo(SourceFormat.JSONL);
    assertThat(SourceFormat.detect(Path.of("a.txt"), "{\"body\": \"x\"}")).isEqualTo(SourceFormat.PORTAL_TEXT);
  }

  @Test
  void otherFilesAreSniffedByTheirFirstCharacter() {
    assertThat(SourceFormat.detect(Path.of("feed"), " [{\"body\": \"x\"}]")).isEqualTo(SourceFormat.JSON);
    assertThat(SourceFormat.detect(Path.of("feed"), "{\n  \"body\": \"x\"\n}")).isEqualTo(SourceFormat.JSON);
    assertThat(SourceFormat.detect(Path.of("feed"), "{\"body\": \"x\"}\n\n{\"body\": \"y\"}\n"))
        .isEqualTo(SourceFormat.JSONL);
    assertThat(SourceFormat.detect(Path.of("article.md"), "IT IT일반\n\n제목")).isEqualTo(SourceFormat.PORTAL_TEXT);
  }

  @Test
  void reutersSgmlIsToldBySgmExtensionOrByItsLewisDoctype() {
    assertThat(SourceFormat.detect(Path.of("reut2-000.SGM"), "")).isEqualTo(SourceFormat.REUTERS_SGML);
    assertThat(SourceFormat.detect(Path.of("wire"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">"))
        .isEqualTo(SourceFormat.REUTERS_SGML);
    assertThat(SourceFormat.detect(Path.of("wire"), "<REUTERS NEWID=\"1\">")).isEqualTo(SourceFormat.REUTERS_SGML);
    assertThat(SourceFormat.REUTERS_SGML.label()).isEqualTo("reuters-sgml");
    assertThat(SourceFormat.REUTERS_SGML.contentType()).isEqualTo("text/plain");
    assertThat(SourceFormat.REUTERS_SGML.lineBased()).isFalse();
  }

  @Test
  void labelsAndContentTypesAreTheOnesOnTheWire() {
    assertThat(SourceFormat.PORTAL_TEXT.label()).isEqualTo("portal-text");
    assertThat(SourceFormat.PORTAL_TEXT.contentType()).isEqualTo("text/plain");
    assertThat(SourceFormat.JSONL.label()).isEqualTo("jsonl");
    assertThat(SourceFormat.JSONL.contentType()).isEqualTo("application/json");
  }

  @Test
  void pagesFeedsAndCsvAreToldByExtensionOrByTheirFirstMarkup() {
    assertThat(SourceFormat.detect(Path.of("a.html"), "")).isEqualTo(SourceFormat.HTML);
    assertThat(SourceFormat.detect(Path.of("a.HTM"), "")).isEqualTo(SourceFormat.HTML);
    assertThat(SourceFormat.detect(Path.of("a.csv"), "")).isEqualTo(SourceFormat.CSV);
    assertThat(SourceFormat.detect(Path.of("a.xml"), "")).isEqualTo(SourceFormat.RSS);
    assertThat(SourceFormat.detect(Path.of("page"), "  <!DOCTYPE html><html>")).isEqualTo(SourceFormat.HTML);
    assertThat(SourceFormat.detect(Path.of("feed"), "<?xml version=\"1.0\"?><rss>")).isEqualTo(SourceFormat.RSS);
    assertThat(SourceFormat.detect(Path.of("feed"), "<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        .isEqualTo(SourceFormat.RSS);
    assertThat(SourceFormat.byName(Path.of("noext"))).isNull();
    assertThat(SourceFormat.CSV.lineBased()).isTrue();
    assertThat(SourceFormat.JSON.lineBased()).isFalse();
    assertThat(SourceFormat.fromLabel("atom")).isEqualTo(SourceFormat.ATOM);
  }
}
