package io.newsflow.streams.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsflow.streams.api.Views.ErrorView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator surface over HTTP: the REST API on the state stores, the dashboard at {@code /},
 * {@code /metrics} for Prometheus, {@code /health} and {@code /ready}. Start it once the
 * {@link KafkaStreams} client exists (before or after {@code streams.start()}); close it before the client.
 * With {@link ApiConfig#auth} set, every route needs the credentials except those marked {@link Access#OPEN}.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String DASHBOARD = "/io/newsflow/streams/api/dashboard";
  /** Where the dashboard's files are hosted; its index.html answers this path itself. */
  private static final String DASHBOARD_PATH = "/";
  /** The dashboard loads only its own files: defence in depth should a string from an article slip through. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
          + "base-uri 'none'; frame-ancestors 'none'";

  /** What anyone may fetch when authentication is on: a route or file without it needs the credentials. */
  private enum Access implements RouteRole { OPEN }

  /** One route the server answers, as openapi.yaml must describe it; {@code open} when it needs no credentials. */
  record Route(String method, String path, boolean open) {
  }

  private final Javalin app;
  private final ApiConfig config;
  private final ConsumerLag lag;
  private final KafkaStreamsMetrics streamsMetrics;
  private final ProcessMeters processMeters;

  private ApiServer(Javalin app, ApiConfig config, ConsumerLag lag, KafkaStreamsMetrics streamsMetrics,
      ProcessMeters processMeters) {
    this.app = app;
    this.config = config;
    this.lag = lag;
    this.streamsMetrics = streamsMetrics;
    this.processMeters = processMeters;
  }

  /**
   * Binds {@code config.host():config.port()} and serves. {@code streamsProperties} are the client's: they must
   * set {@code application.server} to {@link ApiConfig#applicationServer()} so that instances can find each
   * other, and give the cluster and group that the consumer lag is read from.
   */
  public static ApiServer start(KafkaStreams streams, OperatorApi api, ApiConfig config,
      Properties streamsProperties) {
    Object advertised = streamsProperties.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
    if (!config.applicationServer().equals(advertised)) {
      throw new IllegalArgumentException(StreamsConfig.APPLICATION_SERVER_CONFIG + " is " + advertised
          + " but the API listens as " + config.applicationServer() + "; set it to that");
    }
    ObjectMapper json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(api.meterRegistry());
    ProcessMeters processMeters = ProcessMeters.bindTo(api.meterRegistry());
    StreamsStateMeter.bindTo(api.meterRegistry(), streams);
    OpenApiDocument openApi = OpenApiDocument.load();
    ConsumerLag lag = new ConsumerLag(streamsProperties);
    LagMeters lagMeters = new LagMeters(api.meterRegistry(), lag);
    HttpServerMeters httpMeters = new HttpServerMeters(api.meterRegistry());
    Endpoints endpoints = new Endpoints(streams, api, config, new PeerClient(json, config.auth()), lag, lagMeters);

    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.jsonMapper(new JavalinJackson(json, false));
      cfg.requestLogger.http(httpMeters::record);
      cfg.staticFiles.add(files -> {
        files.hostedPath = DASHBOARD_PATH;
        files.directory = DASHBOARD;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
        // The dashboard's own files hold no data; the API calls it makes need the credentials (basic: the
        // browser asks for them once).
        files.roles = Set.of(Access.OPEN);
      });
      if (config.auth().required()) {
        cfg.routes.beforeMatched(ctx -> {
          if (!ctx.routeRoles().contains(Access.OPEN) && !config.auth().accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", config.auth().challenge());
            throw new ApiException(401, config.auth().refusal());
          }
        });
      }
      // Liveness and readiness stay open: orchestrators' probes (Kubernetes httpGet, compose health checks) send
      // no credentials, and the answers tell only the client's state.
      cfg.routes.get("/health", endpoints::health, Access.OPEN);
      cfg.routes.get("/ready", endpoints::ready, Access.OPEN);
      // Open like the dashboard's files: it describes the routes and holds no data, and client generators and API
      // browsers fetch it without credentials.
      cfg.routes.get(OpenApiDocument.PATH, openApi::serve, Access.OPEN);
      // Protected: it names topics, the consumer group and the stages' counts, and Prometheus scrape configs can
      // send a bearer token or basic credentials.
      cfg.routes.get("/metrics", endpoints::metrics);
      cfg.routes.get("/api/windows", endpoints::windows);
      cfg.routes.get("/api/trends", endpoints::latestTrends);
      cfg.routes.get("/api/trends/history", endpoints::trendHistory);
      cfg.routes.get("/api/keywords/{keyword}", endpoints::keyword);
      cfg.routes.get("/api/articles", endpoints::recentArticles);
      cfg.routes.get("/api/articles/{id}", endpoints::article);
      cfg.routes.get("/api/stats", endpoints::stats);
      cfg.routes.get("/internal/articles", endpoints::localRecent);
      cfg.routes.get("/internal/articles/{id}", endpoints::localArticle);
      cfg.routes.get("/internal/snapshots", endpoints::localSnapshots);
      cfg.routes.get("/internal/stats", endpoints::localStats);
      cfg.routes.exception(ApiException.class, (e, ctx) ->
          ctx.status(e.status()).json(new ErrorView(e.status(), e.getMessage())));
      cfg.routes.exception(InvalidStateStoreException.class, (e, ctx) ->
          ctx.status(503).json(new ErrorView(503, "state store not queryable now: " + e.getMessage())));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("event=api-error method={} path={}", ctx.method(), ctx.path(), e);
        ctx.status(500).json(new ErrorView(500, e.toString()));
      });
    });
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      lag.close();
      streamsMetrics.close();
      processMeters.close();
      throw new IllegalStateException("port " + config.port() + " is already in use (operator API); choose another "
          + "with " + ApiConfig.PORT + " or --http-port", e);
    }
    LOG.info("event=api-started url={} application.server={} auth={}", config.url(), config.applicationServer(),
        config.auth().scheme());
    return new ApiServer(app, config, lag, streamsMetrics, processMeters);
  }

  /** The dashboard's address. */
  public String url() {
    return config.url();
  }

  public int port() {
    return app.port();
  }

  /** Every HTTP route the server answers (filters left out), the dashboard's page among them. */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", DASHBOARD_PATH, true));
    app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .forEach(endpoint -> routes.add(new Route(endpoint.method.name(), endpoint.path, isOpen(endpoint))));
    return routes;
  }

  private static boolean isOpen(Endpoint endpoint) {
    Roles roles = endpoint.metadata(Roles.class);
    return roles != null && roles.getRoles().contains(Access.OPEN);
  }

  @Override
  public void close() {
    app.stop();
    lag.close();
    streamsMetrics.close();
    processMeters.close();
  }
}
