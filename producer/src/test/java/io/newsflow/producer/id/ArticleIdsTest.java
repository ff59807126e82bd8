package io.newsflow.producer.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void sourceIdWinsOverUrlAndBody() {
    assertThat(ArticleIds.of(" feed-1 ", "https://example.org/a", "body")).isEqualTo("feed-1");
  }

  @Test
  void urlIsUsedWhenThereIsNoSourceId() {
    assertThat(ArticleIds.of(null, "https://example.org/a", "body")).isEqualTo("https://example.org/a");
    assertThat(ArticleIds.of("  ", "https://example.org/a", "body")).isEqualTo("https://example.org/a");
  }

  @Test
  void bodyHashIsUsedWhenThereIsNeitherSourceIdNorUrl() {
    // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
    assertThat(ArticleIds.of(null, null, "hello")).isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e");
  }

  @Test
  void canonicalUrlLowersSchemeAndHostAndDropsDefaultPortAndFragment() {
    assertThat(ArticleIds.canonicalUrl(" HTTP://News.Example.COM:80/Path/To?Q=1#top "))
        .isEqualTo("http://news.example.com/Path/To?Q=1");
    assertThat(ArticleIds.canonicalUrl("https://example.com")).isEqualTo("https://example.com/");
    assertThat(ArticleIds.canonicalUrl("https://example.com:8443/a")).isEqualTo("https://example.com:8443/a");
  }

  @Test
  void urlThatDoesNotParseIsOnlyTrimmed() {
    assertThat(ArticleIds.canonicalUrl(" https://example.com/기사 1 ")).isEqualTo("https://example.com/기사 1");
    assertThat(ArticleIds.canonicalUrl("/relative/path")).isEqualTo("/relative/path");
  }

  @Test
  void trackingParametersAreDroppedFromCanonicalUrlsSoAFeedsAndASharesLinksGetOneId() {
    assertThat(ArticleIds.canonicalUrl("https://www.chosun.com/politics/2021/03/20/ABC/?utm_source=naver"
        + "&utm_medium=referral&utm_campaign=naver-news")).isEqualTo("https://www.chosun.com/politics/2021/03/20/ABC/");
    assertThat(ArticleIds.canonicalUrl("https://news.example.com/read?id=42&fbclid=IwAR0x&page=2&gclid=abc"
        + "&UTM_Content=top&mc_cid=9"))
        .isEqualTo("https://news.example.com/read?id=42&page=2");
    assertThat(ArticleIds.of(null, "https://example.org/a?utm_source=x#top", "body"))
        .isEqualTo(ArticleIds.of(null, "https://example.org/a", "other body"));
  }

  @Test
  void queryWithoutTrackingParametersIsKeptAsItIs() {
    assertThat(ArticleIds.canonicalUrl("https://example.org/list?b=2&a=1&&c")).isEqualTo("https://example.org/list?b=2&a=1&&c");
    assertThat(ArticleIds.canonicalUrl("https://example.org/list?utm=1")).isEqualTo("https://example.org/list?utm=1");
  }
}
