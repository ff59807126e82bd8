package io.newsflow.streams.api;

import io.javalin.http.Context;
import io.newsflow.streams.api.Views.ArticleSummary;
import io.newsflow.streams.api.Views.ArticleView;
import io.newsflow.streams.api.Views.CountersView;
import io.newsflow.streams.api.Views.ErrorView;
import io.newsflow.streams.api.Views.HealthView;
import io.newsflow.streams.api.Views.HistoryView;
import io.newsflow.streams.api.Views.RecentView;
import io.newsflow.streams.api.Views.SnapshotView;
import io.newsflow.streams.api.Views.SnapshotsView;
import io.newsflow.streams.api.Views.WindowsView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The handlers behind {@link ApiServer}'s routes. Public endpoints answer for the whole app: a key lookup goes
 * to the instance whose active partition holds the key, a store-wide read gathers every holder's part. The
 * {@code /internal/*} endpoints answer from this instance's partitions only; they are how instances ask
 * each other.
 */
final class Endpoints {

  static final String INSTANCE_HEADER = "X-Newsflow-Instance";
  static final int HISTORY_DEFAULT = 24;
  static final int HISTORY_MAX = 1000;
  static final int RECENT_DEFAULT = 20;
  static final int RECENT_MAX = 200;
  private static final int KEYWORD_MAX_LENGTH = 200;
  private static final Duration REBALANCE_POLL = Duration.ofMillis(100);
  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final KafkaStreams streams;
  private final OperatorApi api;
  private final ApiConfig config;
  private final HostInfo self;
  private final LocalStores local;
  private final PeerClient peers;
  private final ConsumerLag lag;
  private final LagMeters lagMeters;

  Endpoints(KafkaStreams streams, OperatorApi api, ApiConfig config, PeerClient peers, ConsumerLag lag,
      LagMeters lagMeters) {
    this.streams = streams;
    this.api = api;
    this.config = config;
    this.self = config.hostInfo();
    this.local = new LocalStores(streams);
    this.peers = peers;
    this.lag = lag;
    this.lagMeters = lagMeters;
  }

  // ---- health and metrics

  void health(Context ctx) {
    KafkaStreams.State state = streams.state();
    // Only a client that died for good (ERROR) is worth a restart; everything else heals by itself.
    boolean alive = state != KafkaStreams.State.ERROR;
    ctx.status(alive ? 200 : 503).json(new HealthView(alive ? "up" : "down", state.name(),
        alive ? null : "Kafka Streams stopped after an unexpected error; see the log and restart"));
  }

  void ready(Context ctx) {
    Readiness readiness = Readiness.of(streams, config.readyMaxLag());
    ctx.status(readiness.ready() ? 200 : 503).json(new HealthView(readiness.ready() ? "ready" : "not ready",
        streams.state().name(), readiness.reason()));
  }

  void metrics(Context ctx) {
    lagMeters.refresh();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(api.meterRegistry().scrape());
  }

  // ---- public API

  void windows(Context ctx) {
    List<String> names = api.windows().stream().map(Duration::toString).toList();
    ctx.json(new WindowsView(names, names.get(0)));
  }

  void latestTrends(Context ctx) {
    Duration window = QueryParams.window(ctx, api.windows());
    SnapshotView latest = TrendQueries.latest(gatherSnapshots(window, null, null, 1))
        .orElseThrow(() -> ApiException.notFound("no trend snapshot yet for window " + window));
    ctx.json(latest);
  }

  void trendHistory(Context ctx) {
    Duration window = QueryParams.window(ctx, api.windows());
    Instant from = QueryParams.instant(ctx, "from");
    Instant to = QueryParams.instant(ctx, "to");
    QueryParams.checkOrder(from, to);
    int limit = QueryParams.limit(ctx, HISTORY_DEFAULT, HISTORY_MAX);
    ctx.json(new HistoryView(window.toString(),
        TrendQueries.oldestFirst(gatherSnapshots(window, from, to, limit))));
  }

  void keyword(Context ctx) {
    String keyword = ctx.pathParam("keyword");
    if (keyword.isBlank() || keyword.length() > KEYWORD_MAX_LENGTH) {
      throw ApiException.badRequest("keyword must be 1 to " + KEYWORD_MAX_LENGTH + " characters");
    }
    Duration window = QueryParams.window(ctx, api.windows());
    Instant from = QueryParams.instant(ctx, "from");
    Instant to = QueryParams.instant(ctx, "to");
    QueryParams.checkOrder(from, to);
    int limit = QueryParams.limit(ctx, HISTORY_DEFAULT, HISTORY_MAX);
    ctx.json(TrendQueries.keyword(keyword, window, gatherSnapshots(window, from, to, limit)));
  }

  /**
   * The article from the instance whose active task holds its partition, or, when that instance does not answer or
   * its store is not queryable (it died, it is restoring after a rebalance), from one holding a standby replica:
   * an answer a few commits old beats a 5xx while the group settles.
   */
  void article(Context ctx) {
    String id = ctx.pathParam("id");
    duringRebalance(() -> {
      articleOnce(ctx, id);
      return null;
    });
  }

  private void articleOnce(Context ctx, String id) {
    KeyQueryMetadata owner = streams.queryMetadataForKey(OperatorApi.ARTICLES_STORE, id, KEYS);
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw ApiException.unavailable("no instance holds the partition of article " + id + " now (streams state "
          + streams.state() + "); retry shortly");
    }
    List<HostInfo> holders = new ArrayList<>();
    holders.add(owner.activeHost());
    holders.addAll(owner.standbyHosts());
    ApiException failed = null;
    for (HostInfo host : holders) {
      try {
        articleFrom(ctx, host, id, owner.partition());
        return;
      } catch (ApiException e) {
        if (e.status() < 500) {
          throw e;
        }
        failed = e;
      }
    }
    throw failed;
  }

  private void articleFrom(Context ctx, HostInfo host, String id, int partition) {
    if (host.equals(self)) {
      ArticleView article = local.article(id, partition)
          .orElseThrow(() -> ApiException.notFound("no article with id " + id));
      ctx.header(INSTANCE_HEADER, host.host() + ":" + host.port()).json(article);
      return;
    }
    PeerClient.Answer answer = join(peers.get(host, "/internal/articles/" + encode(id) + "?partition=" + partition));
    if (answer.status() != 200 && answer.status() != 404) {
      peers.read(answer, ArticleView.class);
    }
    ctx.header(INSTANCE_HEADER, host.host() + ":" + host.port());
    ctx.status(answer.status()).contentType("application/json").result(answer.body());
  }

  void recentArticles(Context ctx) {
    int limit = QueryParams.limit(ctx, RECENT_DEFAULT, RECENT_MAX);
    List<ArticleSummary> all = new ArrayList<>();
    gather(OperatorApi.INDEX_STORE, () -> new RecentView(local.recent(limit)), "/internal/articles?limit=" + limit,
        RecentView.class).forEach(part -> all.addAll(part.articles()));
    all.sort(Comparator.comparing(ArticleSummary::indexedAt).reversed());
    ctx.json(new RecentView(List.copyOf(all.subList(0, Math.min(limit, all.size())))));
  }

  void stats(Context ctx) {
    List<Map<String, Long>> parts = gather(OperatorApi.STATS_STORE, () -> new CountersView(local.counters()),
        "/internal/stats", CountersView.class).stream().map(CountersView::counters).toList();
    List<String> instances = streams.metadataForAllStreamsClients().stream()
        .map(m -> m.hostInfo().host() + ":" + m.hostInfo().port()).sorted().toList();
    ctx.json(TrendQueries.stats(Counters.sum(parts), lag.now(), instances, Instant.now()));
  }

  // ---- what this instance holds, for its peers

  void localArticle(Context ctx) {
    String id = ctx.pathParam("id");
    String partition = ctx.queryParam("partition");
    Optional<ArticleView> article;
    try {
      article = partition == null ? local.article(id) : local.article(id, Integer.parseInt(partition));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("partition must be a number, was " + partition);
    }
    article.ifPresentOrElse(ctx::json,
        () -> ctx.status(404).json(new ErrorView(404, "no article with id " + id)));
  }

  void localRecent(Context ctx) {
    ctx.json(new RecentView(local.recent(QueryParams.limit(ctx, RECENT_DEFAULT, RECENT_MAX))));
  }

  void localSnapshots(Context ctx) {
    Duration window = QueryParams.window(ctx, api.windows());
    ctx.json(new SnapshotsView(local.snapshots(window, QueryParams.instant(ctx, "from"),
        QueryParams.instant(ctx, "to"), QueryParams.limit(ctx, HISTORY_DEFAULT, HISTORY_MAX))));
  }

  void localStats(Context ctx) {
    ctx.json(new CountersView(local.counters()));
  }

  // ---- routing

  private List<SnapshotView> gatherSnapshots(Duration window, Instant from, Instant to, int limit) {
    StringBuilder query = new StringBuilder("/internal/snapshots?window=").append(window).append("&limit=")
        .append(limit);
    if (from != null) {
      query.append("&from=").append(from);
    }
    if (to != null) {
      query.append("&to=").append(to);
    }
    List<SnapshotView> all = new ArrayList<>();
    gather(OperatorApi.SNAPSHOTS_STORE, () -> new SnapshotsView(local.snapshots(window, from, to, limit)),
        query.toString(), SnapshotsView.class).forEach(part -> all.addAll(part.snapshots()));
    return TrendQueries.newestFirst(all, limit);
  }

  /** Every instance's part of a store: this one's read here, the others' asked for in parallel. */
  private <T> List<T> gather(String store, Supplier<T> here, String internalPath, Class<T> type) {
    return duringRebalance(() -> gatherOnce(store, here, internalPath, type));
  }

  private <T> List<T> gatherOnce(String store, Supplier<T> here, String internalPath, Class<T> type) {
    Collection<StreamsMetadata> holders = streams.streamsMetadataForStore(store);
    if (holders.isEmpty()) {
      throw ApiException.unavailable("no instance holds store " + store + " yet (streams state " + streams.state()
          + "); retry shortly");
    }
    List<CompletableFuture<T>> parts = new ArrayList<>();
    for (HostInfo host : holders.stream().map(StreamsMetadata::hostInfo).distinct().toList()) {
      parts.add(host.equals(self) ? null : peers.get(host, internalPath).thenApply(a -> peers.read(a, type)));
    }
    List<T> answers = new ArrayList<>();
    if (parts.contains(null)) {
      answers.add(here.get());
    }
    for (CompletableFuture<T> part : parts) {
      if (part != null) {
        answers.add(join(part));
      }
    }
    return answers;
  }

  /**
   * The answer of {@code attempt}, tried again while it fails with a 5xx for up to {@link ApiConfig#rebalanceWait}:
   * a cooperative rebalance takes two rounds, and between them a moving partition has no queryable owner. A caller
   * is better served by an answer a second late than by a 503 it must retry itself.
   */
  private <T> T duringRebalance(Supplier<T> attempt) {
    long deadline = System.nanoTime() + config.rebalanceWait().toNanos();
    while (true) {
      try {
        return attempt.get();
      } catch (ApiException e) {
        if (e.status() < 500 || System.nanoTime() - deadline >= 0) {
          throw e;
        }
        pause();
      } catch (InvalidStateStoreException e) {
        // A store iterated here closed under a rebalance; ApiServer answers it 503 once the wait is over.
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(REBALANCE_POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while waiting for a rebalance to finish");
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ApiException api) {
        throw api;
      }
      throw new ApiException(502, String.valueOf(e.getCause()));
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
