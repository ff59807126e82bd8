package io.newsflow.producer.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeclaredCharsetTest {

  @Test
  void contentTypeCharsetParameterIsFound() {
    assertThat(DeclaredCharset.fromContentType("application/rss+xml; charset=EUC-KR")).contains("EUC-KR");
    assertThat(DeclaredCharset.fromContentType("text/xml;charset=\"utf-8\"")).contains("utf-8");
    assertThat(DeclaredCharset.fromContentType("text/xml")).isEmpty();
    assertThat(DeclaredCharset.fromContentType(null)).isEmpty();
  }

  @Test
  void xmlPrologEncodingIsFound() {
    assertThat(DeclaredCharset.fromXmlProlog(bytes("<?xml version=\"1.0\" encoding='euc-kr'?>\n<rss/>")))
        .contains("euc-kr");
    assertThat(DeclaredCharset.fromXmlProlog(bytes("<rss encoding=\"x\"/>"))).isEmpty();
  }

  @Test
  void htmlMetaCharsetIsFoundInBothSpellings() {
    assertThat(DeclaredCharset.fromHtmlMeta(bytes("<html><head><meta charset=\"EUC-KR\"><title>t</title>")))
        .contains("EUC-KR");
    assertThat(DeclaredCharset.fromHtmlMeta(bytes(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">")))
        .contains("ks_c_5601-1987");
    assertThat(DeclaredCharset.fromHtmlMeta(bytes("<html><head><title>t</title>"))).isEmpty();
  }

  @Test
  void koreanNamesResolveToCp949AndUnknownNamesToNothing() {
    assertThat(DeclaredCharset.resolve("EUC-KR")).contains(TextDecoder.CP949);
    assertThat(DeclaredCharset.resolve("ks_c_5601-1987")).contains(TextDecoder.CP949);
    assertThat(DeclaredCharset.resolve("utf-8")).contains(StandardCharsets.UTF_8);
    assertThat(DeclaredCharset.resolve("no-such-charset")).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
