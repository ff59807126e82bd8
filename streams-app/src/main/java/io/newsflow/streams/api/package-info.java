/**
 * The operator surface of the streams app: a REST API over interactive queries, the live dashboard, Prometheus
 * metrics and health checks, all on one HTTP port.
 *
 * <p>Two halves. {@link io.newsflow.streams.api.OperatorApi#addStores} adds to the app's topology the state stores
 * the API reads, fed by the pipeline's own output topics (news.articles by id and by time indexed, the latest
 * snapshot of every trend window, exact outcome counts), and counts each stage's output for /metrics. Reading the
 * outputs rather than instrumenting the stages keeps the pipeline untouched, and the API shows exactly what
 * downstream consumers see. {@link io.newsflow.streams.api.ApiServer#start} then serves them.
 *
 * <p>Several instances: each one's {@code application.server} is its API address. A key lookup (an article by
 * id) goes to the instance whose active partition holds the key ({@code queryMetadataForKey}); store-wide reads
 * (trends, history, stats, recent articles) gather every holder's part in parallel
 * ({@code streamsMetadataForStore}). Instances ask each other through {@code /internal/*} endpoints that answer
 * from local partitions only, so a request is forwarded at most once.
 *
 * <p>Authentication is off by default (the API binds 127.0.0.1). With {@code newsflow.http.auth.token} or
 * {@code newsflow.http.auth.basic} set ({@link io.newsflow.streams.api.ApiAuth}), every route needs the credentials
 * except the probes ({@code /health}, {@code /ready}) and the dashboard's own files; instances send the same
 * credentials when they ask each other, since they share their configuration.
 *
 * <p>The HTTP server is Javalin (on Jetty 12): routing with path parameters, static files from the classpath,
 * exception mapping and Jackson are what the API needs, and a well-kept library handles HTTP details (keep-alive,
 * timeouts, ranges, ETags) that the JDK's com.sun.net.httpserver leaves to the application. The dashboard is plain
 * HTML, CSS and JavaScript under {@code dashboard/} in this package's resources: no build step, no CDN, served with
 * a Content-Security-Policy that allows only its own files.
 */
package io.newsflow.streams.api;
