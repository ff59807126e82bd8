package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka node (KRaft, broker and controller in one) running inside this JVM, alone or as one member of a
 * cluster ({@link BrokerMain} runs one per process), for integration tests and the local demo stack. It speaks the full protocol, transactions included, so
 * exactly-once Kafka Streams runs on it as on a cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOG_DIR_NAME = "kafka-logs";

    /**
     * Where and how to start the broker.
     *
     * @param host      host name to listen on and advertise; null means localhost
     * @param port      client port; 0 picks a free one
     * @param dataDir   directory for the broker's data, kept across restarts; null means a temporary
     *                  directory that {@link #close()} deletes
     * @param overrides broker settings (server.properties keys) applied over the node's defaults
     * @param member    this node's place in a cluster; null means a cluster of this node alone
     * @param scramCredentials SCRAM users written into the metadata when the storage is formatted, as
     *                  {@code kafka-storage format --add-scram} takes them
     *                  ({@code SCRAM-SHA-512=[name=app,password=secret]}); a broker whose listeners use SCRAM
     *                  needs its own user there, since it cannot create one before it can authenticate
     * @param clientSettings client settings (security.protocol, sasl.*, ssl.*) with which to ask the new broker
     *                  whether it answers, when its listener is not plaintext
     */
    public record Config(String host, int port, Path dataDir, Map<String, String> overrides, ClusterMember member,
                         List<String> scramCredentials, Map<String, String> clientSettings) {

        public Config {
            host = host == null || host.isBlank() ? "localhost" : host;
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
            scramCredentials = scramCredentials == null ? List.of() : List.copyOf(scramCredentials);
            clientSettings = clientSettings == null ? Map.of() : Map.copyOf(clientSettings);
        }

        /** A node alone in its cluster. */
        public Config(String host, int port, Path dataDir, Map<String, String> overrides) {
            this(host, port, dataDir, overrides, null, List.of(), Map.of());
        }

        /** localhost, a free port, a temporary data directory. */
        public static Config forTests() {
            return new Config("localhost", 0, null, Map.of());
        }

        /** This configuration with one more broker setting. */
        public Config withOverride(String key, String value) {
            Map<String, String> merged = new HashMap<>(overrides);
            merged.put(key, value);
            return new Config(host, port, dataDir, merged, member, scramCredentials, clientSettings);
        }

        /** This configuration as one node of a cluster. */
        public Config withMember(ClusterMember clusterMember) {
            return new Config(host, port, dataDir, overrides, clusterMember, scramCredentials, clientSettings);
        }

        /** This configuration with SCRAM users formatted into a new cluster's metadata. */
        public Config withScramCredentials(List<String> credentials) {
            return new Config(host, port, dataDir, overrides, member, credentials, clientSettings);
        }

        /** This configuration probing the broker with these client settings. */
        public Config withClientSettings(Map<String, String> settings) {
            return new Config(host, port, dataDir, overrides, member, scramCredentials, settings);
        }
    }

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, int port, Path dataDir,
                                boolean temporary) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /**
     * Starts the broker and returns once it answers clients.
     *
     * @throws PortInUseException    when {@code config.port()} is taken (checked before Kafka starts)
     * @throws IllegalStateException when the broker does not answer within 60 s
     */
    public static EmbeddedKafkaBroker start(Config config) {
        Ports.requireFree(config.host(), config.port(), "Kafka");
        long startNanos = System.nanoTime();
        int port = config.port() == 0 ? Ports.freePort(config.host()) : config.port();
        ClusterMember member = config.member();
        if (member == null) {
            int controllerPort = Ports.freePort(config.host());
            member = new ClusterMember(1, 1, controllerPort, ClusterMember.voters(config.host(), controllerPort),
                    Uuid.randomUuid().toString());
        } else {
            Ports.requireFree(config.host(), member.controllerPort(), "Kafka controller");
        }
        boolean temporary = config.dataDir() == null;
        Path dataDir = temporary ? createTempDir() : config.dataDir().toAbsolutePath();
        String bootstrapServers = config.host() + ":" + port;

        Map<String, String> settings = BrokerSettings.of(config.host(), port, dataDir.resolve(LOG_DIR_NAME), member,
                config.overrides());
        KafkaRaftServer server = null;
        try {
            createDirs(settings);
            boolean formatted = Storage.formatIfNeeded(settings, member.clusterId(), config.scramCredentials());
            server = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
            server.startup();
            awaitAnswer(bootstrapServers, config.clientSettings());
            long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            LOG.info("kafka broker started bootstrapServers={} dataDir={} formatted={} startMs={}",
                    bootstrapServers, dataDir, formatted, startMs);
            return new EmbeddedKafkaBroker(server, bootstrapServers, port, dataDir, temporary);
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (temporary) {
                Storage.deleteRecursively(dataDir);
            }
            throw e;
        }
    }

    /** host:port for clients' bootstrap.servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client port, useful when the broker was started on port 0. */
    public int port() {
        return port;
    }

    /** The broker's data directory (a temporary one when none was configured). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker, waiting for a clean shutdown, and deletes the data directory if temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            Storage.deleteRecursively(dataDir);
        }
        LOG.info("kafka broker stopped bootstrapServers={}", bootstrapServers);
    }

    /** An admin client's settings for asking new brokers whether they answer, each request bounded by {@code timeout}. */
    static Map<String, Object> probeConfig(String bootstrapServers, Map<String, String> clientSettings,
                                           Duration timeout) {
        Map<String, Object> adminConfig = new HashMap<>(clientSettings);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return adminConfig;
    }

    private static void awaitAnswer(String bootstrapServers, Map<String, String> clientSettings) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(probeConfig(bootstrapServers, clientSettings, PROBE_TIMEOUT))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not answering yet: the listener may be up before the broker has joined the quorum.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka at " + bootstrapServers, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not answer within "
                            + START_TIMEOUT.toSeconds() + " s");
                }
            }
        }
    }

    private static void createDirs(Map<String, String> settings) {
        try {
            for (String dir : BrokerSettings.logDirs(settings)) {
                Files.createDirectories(Path.of(dir));
            }
            Files.createDirectories(Path.of(BrokerSettings.metadataLogDir(settings)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data dirs: " + e.getMessage(), e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("newsflow-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka data dir", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("kafka broker failed to stop after a failed start error={}", e.toString());
        }
    }
}
