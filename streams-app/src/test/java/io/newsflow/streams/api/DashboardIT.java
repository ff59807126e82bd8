package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.localstack.LocalStack;
import io.newsflow.streams.topics.TopicNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; skipped where they are not
 * installed): the trend list appears, follows new articles, and shows a hostile title as text. Leaves a
 * screenshot in target/dashboard.png.
 */
class DashboardIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Instant FIVE = Instant.parse("2025-02-24T05:00:00Z");
  private static final String SCRIPT_TITLE = "<script>window.__pwned=1</script>";
  private static final String IMG_TITLE = "<img src=x onerror=\"window.__pwned=2\">";

  @TempDir
  Path tmp;

  private LocalStack stack;
  private ApiInstance app;
  private WebDriver browser;

  @BeforeEach
  void start() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    stack = LocalStack.start(LocalStack.Config.forTests());
    ApiTopics.create(stack.bootstrapServers(), 2);
    app = ApiInstance.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), "newsflow-dashboard-it",
        tmp.resolve("state"));
    browser = chromium(tmp.resolve("chromium-profile"));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> app.get("/ready").statusCode() == 200);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void trendListAppearsFollowsNewArticlesAndShowsHostileTitlesAsText() throws IOException {
    produce(firstBatch());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> latestWindow().equals("2025-02-24T07:00:00Z") && !latestRows().isEmpty());

    browser.get("http://127.0.0.1:" + app.config.port() + "/");

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
        .until(() -> shownRows().equals(latestRows()));
    List<String> before = shownRows();
    assertThat(before).anySatisfy(row -> assertThat(row).startsWith("딥시크 "));
    assertThat(browser.findElement(By.id("window-range")).getText()).startsWith("2025-02-24 07:00");
    assertThat(browser.findElements(By.cssSelector("#trend-rows svg.spark polyline"))).hasSize(before.size());
    assertThat(((JavascriptExecutor) browser).executeScript("return document.characterSet")).isEqualTo("UTF-8");

    produce(secondBatch());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> !latestRows().equals(before) && latestRows().stream().anyMatch(r -> r.startsWith("바이트댄스 ")));
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
        .until(() -> shownRows().equals(latestRows()));
    assertThat(shownRows()).isNotEqualTo(before).anySatisfy(row -> assertThat(row).startsWith("바이트댄스 "));

    Map<String, Article> hostile = new LinkedHashMap<>();
    hostile.put("hostile-script", OperatorStoresTest.article("hostile-script", SCRIPT_TITLE, 0));
    hostile.put("hostile-img", OperatorStoresTest.article("hostile-img", IMG_TITLE, 0));
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.ARTICLES, hostile);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> recentTitles().containsAll(List.of(SCRIPT_TITLE, IMG_TITLE)));

    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.findElements(By.cssSelector("#recent-list script, #recent-list img"))).isEmpty();
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("live");

    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "dashboard.png"), png);
    assertThat(png).hasSizeGreaterThan(10_000);
  }

  /** Each row of the latest snapshot as "keyword count", as the API says. */
  private List<String> latestRows() {
    JsonNode trends = app.json("/api/trends/history?limit=1").path("snapshots");
    List<String> rows = new ArrayList<>();
    if (trends.size() == 1) {
      trends.get(0).path("entries").forEach(e -> rows.add(e.path("keyword").asText() + " "
          + e.path("count").asLong()));
    }
    return rows;
  }

  private String latestWindow() {
    JsonNode trends = app.json("/api/trends/history?limit=1").path("snapshots");
    return trends.size() == 1 ? trends.get(0).path("windowStart").asText() : "";
  }

  /** Each row of the dashboard's trend table as "keyword count", read in one go (the page redraws). */
  @SuppressWarnings("unchecked")
  private List<String> shownRows() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('#trend-rows tr')).map(function (row) {"
            + " return row.querySelector('td.keyword').textContent + ' '"
            + " + row.querySelector('td.count').textContent.replace(/,/g, ''); });");
  }

  @SuppressWarnings("unchecked")
  private List<String> recentTitles() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('#recent-list .title')).map(function (a) {"
            + " return a.textContent; });");
  }

  private void produce(Map<String, RawArticle> articles) {
    ApiTopics.send(stack.bootstrapServers(), stack.schemaRegistryUrl(), TopicNames.RAW, articles);
  }

  /** Three hours of articles; the last hour's window stays open. */
  private static Map<String, RawArticle> firstBatch() {
    Map<String, RawArticle> batch = new LinkedHashMap<>();
    add(batch, "d-01", 0, 10, "딥시크 새 모델 공개", "중국 스타트업 딥시크가 새 추론 모델을 공개했다. 반도체 업계가 수요 변화를 살핀다.");
    add(batch, "d-02", 0, 40, "반도체 수출 석 달째 증가", "반도체 수출이 석 달째 늘었다. 메모리 가격 회복과 인공지능 서버 수요가 이끌었다.");
    add(batch, "d-03", 1, 5, "딥시크 충격에 엔비디아 급락", "딥시크 충격으로 엔비디아 주가가 급락했다. 반도체 투자 심리도 위축됐다.");
    add(batch, "d-04", 1, 25, "엔비디아 실적 발표 앞두고 긴장", "엔비디아 실적 발표를 앞두고 시장이 긴장하고 있다. 딥시크 이후 첫 발표다.");
    add(batch, "d-05", 1, 50, "딥시크 앱 개인정보 점검", "정부가 딥시크 앱의 개인정보 처리 방식을 점검한다. 결과에 따라 권고가 나온다.");
    add(batch, "d-06", 2, 5, "알리바바도 새 모델 내놔", "알리바바가 딥시크에 맞선 새 모델을 내놨다. 중국 기업 사이 경쟁이 치열해졌다.");
    add(batch, "d-07", 2, 20, "딥시크 오픈소스 모델 국내 도입", "국내 클라우드 기업들이 딥시크 오픈소스 모델로 시험 서비스를 시작했다.");
    add(batch, "d-08", 2, 35, "알리바바 클라우드 한국 진출", "알리바바 클라우드가 한국에 데이터센터를 연다. 국내 기업 고객을 겨냥했다.");
    return batch;
  }

  /** More of the open window: a new name enters the list and counts grow. */
  private static Map<String, RawArticle> secondBatch() {
    Map<String, RawArticle> batch = new LinkedHashMap<>();
    add(batch, "d-09", 2, 40, "바이트댄스 영상 모델 공개", "바이트댄스가 영상 생성 모델을 공개했다. 딥시크와 알리바바에 이은 발표다.");
    add(batch, "d-10", 2, 45, "바이트댄스 한국 개발자 채용", "바이트댄스가 서울에서 개발자를 채용한다. 영상 생성 모델 연구 인력이다.");
    add(batch, "d-11", 2, 50, "바이트댄스 모델 성능 논란", "바이트댄스 모델의 성능을 두고 논란이 일었다. 연구자들은 공개 검증을 요구했다.");
    return batch;
  }

  private static void add(Map<String, RawArticle> batch, String id, int hour, int minute, String title,
      String body) {
    batch.put(id, ApiTopics.json(id, "https://news.example.kr/dashboard/" + id, title, body,
        FIVE.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute))));
  }

  private static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,1000");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }
}
