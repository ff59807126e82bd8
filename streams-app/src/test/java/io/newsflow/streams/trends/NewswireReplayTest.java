package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.keywords.KeywordExtractor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small version of the Reuters-21578 replay in the README: ten days of an invented business wire, day windows,
 * the real English keyword extractor and the default score. Every day brings 8 earnings briefs in the wire's
 * shorthand and 39 background stories on oil, the dollar and wheat; on the crash day the briefs triple (an
 * earnings season opens) and a stock market crash breaks in 10 stories. The crash must lead the day, and neither the shorthand nor the doubled everyday
 * words may trend.
 */
class NewswireReplayTest {

  private static final Instant FIRST_DAY = Instant.parse("1987-10-09T00:00:00Z");
  private static final int CRASH_DAY = 8;
  private static final List<String> SHORTHAND = List.of("shr", "qtr", "net", "vs", "cts", "mln", "dlrs", "revs",
      "avg", "2nd", "3rd", "oper");

  @TempDir
  Path stateDir;

  private TrendsDriver driver;
  private KeywordExtractor extractor;
  private final Random random = new Random(1987);
  private int briefs;

  @BeforeEach
  void start() {
    driver = new TrendsDriver(stateDir, Map.of("newsflow.trends.windows", "P1D", "newsflow.trends.grace", "PT1H",
        "newsflow.trends.top-n", "20"));
    extractor = new KeywordExtractor();
  }

  @AfterEach
  void close() {
    extractor.close();
    driver.close();
  }

  @Test
  void theCrashLeadsItsDayWhileTheWiresShorthandAndTheEarningsSeasonDoNotTrend() {
    for (int day = 0; day < 10; day++) {
      Instant morning = FIRST_DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
      int minute = 0;
      for (int i = 0; i < (day == CRASH_DAY ? 24 : 8); i++) {
        publish(morning.plus(Duration.ofMinutes(minute++)), earningsBrief(day >= CRASH_DAY ? "3RD" : "2ND"));
      }
      for (int copy = 0; copy < 13; copy++) {
        for (String[] story : BACKGROUND) {
          publish(morning.plus(Duration.ofMinutes(minute++)), story);
        }
      }
      if (day == CRASH_DAY) {
        for (String[] story : CRASH) {
          publish(morning.plus(Duration.ofMinutes(minute++)), story);
        }
      }
    }

    TrendSnapshot crashDay = driver.latest().get("PT24H/1987-10-17T00:00:00Z");

    assertThat(crashDay.getFinal$()).isTrue();
    List<String> keys = crashDay.getEntries().stream().map(e -> e.getKeyword().toLowerCase(Locale.ROOT)).toList();
    assertThat(keys).doesNotContainAnyElementsOf(SHORTHAND);
    assertThat(crashDay.getTrending().subList(0, 4))
        .allSatisfy(k -> assertThat(k).isIn("stocks", "Wall Street", "Dow Jones", "plunge", "selling", "panic"));
    // "earnings" is in every brief: 8 of 47 articles a day, so 73 x 8 / 47 = 12.4255 expected of the crash day's
    // 73, and 24 came. It scores (24 - 12.4255) / sqrt(12.4255 + 1 + (0.3 x 12.4255)^2) = 2.2144, below
    // min-score 3, where the Poisson z-score would have given it 3.1589. Oil and the dollar held their share.
    TrendEntry earnings = entry(crashDay, "earnings");
    assertThat(earnings.getArticleCount()).isEqualTo(24L);
    assertThat(earnings.getExpected()).isEqualTo(12.4255);
    assertThat(earnings.getScore()).isEqualTo(2.2144);
    assertThat(crashDay.getTrending()).doesNotContain("earnings", "oil", "dollar");
  }

  private static TrendEntry entry(TrendSnapshot snapshot, String keyword) {
    return snapshot.getEntries().stream().filter(e -> e.getKeyword().equals(keyword)).findFirst().orElseThrow();
  }

  private void publish(Instant at, String[] titleAndBody) {
    List<String> keywords = extractor.topDisplayForms(titleAndBody[0], titleAndBody[1], "en", 20);
    driver.article(at, keywords.toArray(String[]::new));
  }

  /** A brief of its own company (an invented name), in the wire's shorthand, mentioning earnings twice. */
  private String[] earningsBrief(String quarter) {
    String company = "Corvane" + (char) ('a' + briefs % 26) + (char) ('a' + briefs / 26 % 26);
    briefs++;
    int shr = 10 + random.nextInt(90);
    int net = 1 + random.nextInt(50);
    return new String[] {
        company.toUpperCase(Locale.ROOT) + " INC " + quarter + " QTR NET",
        "Shr " + shr + " cts vs " + (shr - 3) + " cts. Net " + net + ".2 mln dlrs vs " + net + ".0 mln. Revs "
            + (net * 9) + " mln vs " + (net * 8) + " mln. Avg shrs 12.1 mln. " + company + " said earnings rose "
            + "on higher volume; earnings per share include a one-time gain."};
  }

  /** Every day's stories: the same subjects, other words. */
  private static final String[][] BACKGROUND = {
      {"Oil prices steady in quiet trade", "Oil prices held near 19 dlrs a barrel as traders watched the Gulf. "
          + "Oil inventories in Rotterdam were little changed, and crude oil futures closed flat."},
      {"Dollar firms against the yen", "The dollar rose against the yen and the mark in thin trade. Dealers said "
          + "the dollar could rise further if the central banks stay out of the market."},
      {"Wheat exports to the Soviet Union planned", "The Agriculture Department said wheat sales to the Soviet "
          + "Union could grow. Wheat growers welcomed the talks on wheat subsidies."}};

  private static final String[][] CRASH = {
      {"Wall Street stocks plunge in record selling", "Stocks plunged on Wall Street as panic selling swept the "
          + "New York Stock Exchange. The Dow Jones industrial average fell 508 points; stocks of every sector fell."},
      {"Dow Jones suffers worst drop since 1914", "The Dow Jones average lost 22.6 pct, its worst day ever. "
          + "Brokers on Wall Street said selling of stocks overwhelmed the exchange."},
      {"Panic selling hits stocks worldwide", "Stocks fell from Tokyo to London after Wall Street's plunge. "
          + "Panic selling left stocks at their lowest in a year, dealers said."},
      {"Investors flee stocks as Wall Street plunges", "Investors sold stocks at any price on Wall Street. "
          + "The plunge wiped out the year's gains; stocks recovered only in late trade."},
      {"Program trading blamed for stock plunge", "Program trading deepened the plunge, brokers said. Computerized "
          + "selling of stocks and futures fed on itself as the Dow Jones average fell."},
      {"Brokers see more selling after the plunge", "Wall Street brokers expect more selling of stocks. The "
          + "plunge left many margin accounts short, and panic could return, they said."},
      {"White House says economy is sound after plunge", "The White House said the economy remained sound despite "
          + "the stock plunge. Officials said Wall Street's selling did not reflect the economy."},
      {"Exchanges consider halting trade as stocks slide", "Exchange officials discussed halting trade in stocks "
          + "after the plunge. Selling pressure on Wall Street eased only after the close."},
      {"Stocks plunge in London and Tokyo", "London stocks plunged at the open, following Wall Street. In Tokyo "
          + "panic selling of stocks pushed the Nikkei down nearly 15 pct."},
      {"Companies announce buybacks after the plunge", "Several companies said they would buy back stocks after "
          + "the plunge. Buybacks should support prices, Wall Street dealers said, as selling slowed."}};
}
