package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollingTest {

  private static final String RSS_TYPE = "application/rss+xml; charset=utf-8";

  private final FeedServer server = new FeedServer();
  private final CollectingSink sink = new CollectingSink();

  FeedPollingTest() throws IOException {}

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void rssFeedIsPolledWithConditionalGetAndAn304SendsNothing() throws InterruptedException {
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("예시일보", """
        <item>
          <title>반도체 수출 석 달째 증가</title>
          <link>https://news.example.com/a?utm_source=rss</link>
          <guid isPermaLink="false">guid-a</guid>
          <description><![CDATA[<p>지난달 <b>반도체</b> 수출이 늘었다.</p><p>석 달 연속이다.</p>]]></description>
          <pubDate>Mon, 03 Mar 2025 17:20:00 +0900</pubDate>
          <category>경제</category>
          <author>reporter@example.com (김기자)</author>
        </item>
        <item>
          <title>항만 크레인 전기화</title>
          <link>https://news.example.com/b?utm_source=rss&amp;id=7</link>
          <description>항만공사는 크레인을 전기로 바꾼다.</description>
        </item>
        """)), "\"v1\""));
    URI feed = server.url("/rss.xml");

    RunningProducer running = start(feed);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/rss.xml").size() >= 3);
    ProducerSummary summary = running.stopAndAwait();

    assertThat(sink.ids()).containsExactly("guid-a", "https://news.example.com/b?id=7");
    List<FeedServer.Request> requests = server.requests("/rss.xml");
    assertThat(requests.get(0).ifNoneMatch()).isNull();
    assertThat(requests.get(0).status()).isEqualTo(200);
    assertThat(requests.subList(1, requests.size())).allSatisfy(request -> {
      assertThat(request.ifNoneMatch()).isEqualTo("\"v1\"");
      assertThat(request.status()).isEqualTo(304);
    });
    RawArticle first = sink.sent.get(0);
    assertThat(first.getSource()).isEqualTo(feed.toString());
    assertThat(first.getUrl()).isEqualTo("https://news.example.com/a?utm_source=rss");
    assertThat(first.getTitle()).isEqualTo("반도체 수출 석 달째 증가");
    assertThat(first.getBody()).isEqualTo("지난달 반도체 수출이 늘었다.\n\n석 달 연속이다.");
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2025-03-03T08:20:00Z"));
    assertThat(first.getContentType()).isEqualTo("text/plain");
    assertThat(first.getAttributes()).containsEntry("source.format", "rss")
        .containsEntry("publisher", "예시일보")
        .containsEntry("section", "경제")
        .containsEntry("authors", "reporter@example.com (김기자)")
        .containsEntry("language", "ko")
        .doesNotContainKey("source.path");
    assertThat(summary.recordsSent()).isEqualTo(2);
    assertThat(summary.feedPolls()).isEqualTo(requests.size());
    assertThat(running.progress().feedsNotModified()).isEqualTo(requests.size() - 1);
    assertThat(summary.failures()).isEmpty();
  }

  @Test
  void atomEntriesAreKeyedByTheirIdAndTheirHtmlContentBecomesText() throws InterruptedException {
    server.serve("/atom.xml", new FeedServer.Document(200, "application/atom+xml", utf8("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Example Wire</title>
          <id>urn:example:wire</id>
          <updated>2025-03-05T02:00:00Z</updated>
          <entry>
            <title>Harbour cranes go electric</title>
            <id>tag:example.org,2025:cranes</id>
            <link rel="alternate" href="https://example.org/cranes?fbclid=x"/>
            <published>2025-03-05T01:00:00Z</published>
            <updated>2025-03-05T02:00:00Z</updated>
            <author><name>Jane Roe</name></author>
            <content type="html">&lt;p&gt;All twelve cranes will run on grid power.&lt;/p&gt;</content>
          </entry>
        </feed>
        """), null));

    RunningProducer running = start(server.url("/atom.xml"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 1);
    running.stopAndAwait();

    RawArticle entry = sink.sent.get(0);
    assertThat(entry.getId()).isEqualTo("tag:example.org,2025:cranes");
    assertThat(entry.getUrl()).isEqualTo("https://example.org/cranes?fbclid=x");
    assertThat(entry.getBody()).isEqualTo("All twelve cranes will run on grid power.");
    assertThat(entry.getPublishedAt()).isEqualTo(Instant.parse("2025-03-05T01:00:00Z"));
    assertThat(entry.getAttributes()).containsEntry("source.format", "atom")
        .containsEntry("publisher", "Example Wire")
        .containsEntry("authors", "Jane Roe")
        .containsEntry("updatedAt", "2025-03-05T02:00:00Z");
  }

  @Test
  void itemsThatChangeBetweenPollsSendOnlyTheNewOnes() throws InterruptedException {
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", item("a"))), "\"v1\""));

    RunningProducer running = start(server.url("/rss.xml"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 1);
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", item("c") + item("a"))), "\"v2\""));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/rss.xml").stream()
        .anyMatch(request -> "\"v2\"".equals(request.ifNoneMatch())));
    ProducerSummary summary = running.stopAndAwait();

    assertThat(sink.ids()).containsExactly("guid-a", "guid-c");
    assertThat(summary.recordsSkipped()).isEqualTo(1);
  }

  @Test
  void brokenAndUnreachableFeedsAreReportedAndBackOffWhileAGoodFeedKeepsGoing() throws InterruptedException {
    server.serve("/good.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", item("g"))), "\"g\""));
    server.serve("/broken.xml", new FeedServer.Document(200, "text/html", utf8("<html><body>oops</body>"), null));
    URI unreachable = URI.create("http://127.0.0.1:1/feed.xml");

    RunningProducer running = ProducerRun.toSink(() -> sink, "test")
        .withOptions(options().retry(Duration.ofMillis(100), Duration.ofMillis(400)).build())
        .start(new ProducerInputs(List.of(), List.of(server.url("/good.xml"), server.url("/broken.xml"), unreachable),
            false));
    await().atMost(Duration.ofSeconds(15)).until(() -> server.requests("/broken.xml").size() >= 4
        && server.requests("/good.xml").size() >= 4);
    ProducerSummary summary = running.stopAndAwait();

    assertThat(sink.ids()).containsExactly("guid-g");
    String broken = server.url("/broken.xml").toString();
    assertThat(summary.failures()).filteredOn(failure -> failure.origin().equals(broken))
        .isNotEmpty()
        .allSatisfy(failure -> assertThat(failure.reason()).startsWith("not an RSS or Atom feed: "));
    assertThat(summary.failures()).filteredOn(failure -> failure.origin().equals(unreachable.toString()))
        .isNotEmpty()
        .allSatisfy(failure -> assertThat(failure.reason()).startsWith("unreachable: ConnectException"));
    // Each retry waits at least twice as long as the one before, up to the cap.
    List<FeedServer.Request> attempts = server.requests("/broken.xml");
    long[] expected = {100, 200, 400};
    for (int i = 0; i < expected.length; i++) {
      long gapMillis = Duration.ofNanos(attempts.get(i + 1).nanos() - attempts.get(i).nanos()).toMillis();
      assertThat(gapMillis).as("wait before retry %d", i + 1).isGreaterThanOrEqualTo(expected[i]);
    }
    assertThat(summary.stopped()).isFalse();
  }

  @Test
  void eucKrFeedIsDecodedByTheCharsetItsXmlPrologDeclares() throws InterruptedException {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"EUC-KR\"?>\n" + rss("한국 뉴스", item("k").replace(
        "title k", "경제 기사 제목"))).getBytes(Charset.forName("EUC-KR"));
    server.serve("/euckr.xml", new FeedServer.Document(200, "application/xml", body, null));

    RunningProducer running = start(server.url("/euckr.xml"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 1);
    running.stopAndAwait();

    assertThat(sink.sent).extracting(RawArticle::getTitle, article -> article.getAttributes().get("source.charset"),
        article -> article.getAttributes().get("publisher"))
        .containsExactly(tuple("경제 기사 제목", "CP949", "한국 뉴스"));
  }

  @Test
  void anItemWhoseTextChangesUnderTheSameGuidIsSentAgainAsARevision() throws InterruptedException {
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", item("r"))), "\"v1\""));

    RunningProducer running = start(server.url("/rss.xml"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 1);
    String revised = item("r").replace("body r", "body r, updated with a correction");
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", revised)), "\"v2\""));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 2);
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", revised)), "\"v3\""));
    await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/rss.xml").stream()
        .anyMatch(request -> "\"v3\"".equals(request.ifNoneMatch())));
    ProducerSummary summary = running.stopAndAwait();

    assertThat(sink.ids()).containsExactly("guid-r", "guid-r");
    assertThat(sink.sent.get(1).getBody()).contains("updated with a correction");
    assertThat(summary.recordsSkipped()).isEqualTo(1);
  }

  @Test
  void onceModePollsEachFeedOnceAndEndsByItself() {
    server.serve("/rss.xml", new FeedServer.Document(200, RSS_TYPE, utf8(rss("w", item("o"))), null));

    ProducerSummary summary = ProducerRun.toSink(() -> sink, "test")
        .withOptions(options().once(true).build())
        .run(new ProducerInputs(List.of(), List.of(server.url("/rss.xml")), false));

    assertThat(sink.ids()).containsExactly("guid-o");
    assertThat(summary.feedPolls()).isEqualTo(1);
    assertThat(summary.format()).isEqualTo("files: 0, feed polls: 1, records sent: 1, failures: 0");
    assertThat(server.requests("/rss.xml")).hasSize(1);
  }

  private RunningProducer start(URI feed) {
    return ProducerRun.toSink(() -> sink, "test")
        .withOptions(options().build())
        .start(new ProducerInputs(List.of(), List.of(feed), false));
  }

  private static ProducerOptions.Builder options() {
    return ProducerOptions.builder().pollInterval(Duration.ofMillis(100)).httpTimeout(Duration.ofSeconds(5));
  }

  static String rss(String channel, String items) {
    return """
        <rss version="2.0"><channel>
        <title>%s</title><link>https://news.example.com/</link><description>d</description><language>ko</language>
        %s
        </channel></rss>
        """.formatted(channel, items);
  }

  static String item(String name) {
    return "<item><title>title " + name + "</title><link>https://news.example.com/" + name + "</link>"
        + "<guid isPermaLink=\"false\">guid-" + name + "</guid><description>body " + name + "</description></item>";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
