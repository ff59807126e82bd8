# newsflow's images, built from the repository root. One build stage makes the launcher jar; each
# application is a target that starts it with its subcommand:
#   docker build --target streams-app -t newsflow-streams .
#   docker build --target producer    -t newsflow-producer .
# See docs/operating/deploy.md (memory, volumes, health checks).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# Dependencies first, in a layer of their own that is rebuilt only when a pom changes. Only the poms are
# copied (every module's: the modules depend on each other). `mvn dependency:go-offline` cannot do this for
# our reactor: it resolves each module's dependencies from a repository, where the sibling modules
# (newsflow-schemas, ...) are not, and fails at the first module that needs one. The go-offline plugin
# (version pinned in the root pom) leaves the reactor's own artifacts out and resolves everything else,
# plugins and their dependencies included, so the package step below needs no network.
COPY pom.xml ./
COPY schemas/pom.xml schemas/
COPY schema-registry/pom.xml schema-registry/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY local-stack/pom.xml local-stack/
COPY producer/pom.xml producer/
COPY streams-app/pom.xml streams-app/
COPY cli/pom.xml cli/
COPY examples/pom.xml examples/
RUN mvn -B -q de.qaware.maven:go-offline-maven-plugin:resolve-dependencies

# Then the sources (.dockerignore keeps out target/, .git, node_modules, .newsflow); offline, so a
# dependency the layer above missed fails here instead of being downloaded on every source change.
COPY . .
RUN mvn -B -o -q -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
# A fixed uid and gid, so that volumes and Kubernetes' runAsUser/fsGroup can name them. The state
# directories are created here, owned by that user: a named volume mounted on them starts as a copy of them,
# owner included.
RUN groupadd --system --gid 10001 newsflow \
 && useradd --system --uid 10001 --gid newsflow --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin newsflow \
 && mkdir -p /app/.newsflow /var/lib/newsflow/streams /var/lib/newsflow/producer \
 && chown -R newsflow:newsflow /app/.newsflow /var/lib/newsflow
WORKDIR /app
COPY --from=build /src/cli/target/newsflow.jar /app/newsflow.jar
# The heap is a share of the container's memory limit, not of the host's. The rest is for what is not heap:
# RocksDB's block cache and memtables (newsflow.rocksdb.block-cache, 64 MiB by default, memtables counted in
# it), metaspace, threads, code cache and direct buffers. docs/operating/deploy.md has the arithmetic.
# JAVA_TOOL_OPTIONS is read by the JVM itself, so `docker run -e JAVA_TOOL_OPTIONS=...` replaces it whole.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001

FROM runtime AS streams-app
# A container is reached through its interfaces, not its loopback; the state lives where a volume goes.
ENV NEWSFLOW_HTTP_HOST=0.0.0.0 \
    KAFKA_STATE_DIR=/var/lib/newsflow/streams
EXPOSE 8080
# The JRE image has no curl; bash's /dev/tcp is enough for one GET. /health is 503 only when Kafka Streams
# stopped for good (ERROR), which a restart fixes.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=12 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${NEWSFLOW_HTTP_PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-Dnewsflow.home=/app", "-jar", "/app/newsflow.jar", "stream"]

FROM runtime AS producer
# /metrics and /health on 8090 (ProducerHttp), on every address so that Prometheus can scrape it; arguments
# given to the container (--follow, sources) follow these. Its input is mounted (no seeds in the image); give it
# `--state /var/lib/newsflow/producer/state.json` with a volume there, so a new container resends nothing.
EXPOSE 8090
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8090 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-Dnewsflow.home=/app", "-jar", "/app/newsflow.jar", "produce", "--http-port", "8090", "--http-host", "0.0.0.0"]
