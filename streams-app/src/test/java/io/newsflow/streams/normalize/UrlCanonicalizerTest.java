package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "HTTPS://News.Example.COM/a/b/, https://news.example.com/a/b",
      "https://example.com/, https://example.com",
      "http://example.com:80/x, http://example.com/x",
      "https://example.com:8443/x, https://example.com:8443/x",
      "https://example.com/x?utm_source=a&utm_campaign=b, https://example.com/x",
      "https://example.com/x?gclid=1&id=7&UTM_Medium=m, https://example.com/x?id=7",
      "https://example.com/x?b=2&a=1#frag, https://example.com/x?b=2&a=1",
      "https://n.news.naver.com/article/014/0005317178?sid=105,"
          + " https://n.news.naver.com/article/014/0005317178?sid=105",
      "https://example.com/Case/Path, https://example.com/Case/Path",
      "https://example.com/%EA%B0%80?q=%20x, https://example.com/%EA%B0%80?q=%20x",
  })
  void canonicalFormIsOneSpellingPerArticle(String input, String expected) {
    assertThat(UrlCanonicalizer.canonicalize(input)).isEqualTo(expected);
  }

  @Test
  void unparsableOrRelativeUrlsAreKeptTrimmed() {
    assertThat(UrlCanonicalizer.canonicalize(" not a url ")).isEqualTo("not a url");
    assertThat(UrlCanonicalizer.canonicalize("/relative/path")).isEqualTo("/relative/path");
    assertThat(UrlCanonicalizer.canonicalize("   ")).isNull();
    assertThat(UrlCanonicalizer.canonicalize(null)).isNull();
  }
}
