package io.newsflow.localstack;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.kafka.embedded.KafkaCluster;
import io.newsflow.kafka.embedded.PortInUseException;
import io.newsflow.kafka.embedded.Ports;
import io.newsflow.registry.server.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything newsflow needs from the outside world, on this machine: Kafka and a schema registry that keeps its
 * schemas in it. One broker runs inside this JVM; several run as a cluster of child processes
 * ({@link KafkaCluster}), each of which can be killed and restarted. Integration tests and the demo start it
 * instead of a production cluster.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String SCHEMAS_TOPIC = "_schemas";

    /**
     * Where to run the stack.
     *
     * @param host         host name both servers listen on; null means localhost
     * @param kafkaPort    Kafka client port; 0 picks a free one
     * @param registryPort schema registry HTTP port; 0 picks a free one
     * @param dataDir      directory kept across runs (one broker's data under {@code dataDir/kafka}, a
     *                     cluster's under {@code dataDir/kafka-<n>}, schemas included); null means a temporary
     *                     directory deleted on close (one broker only)
     * @param brokers      Kafka nodes: 1 in this JVM, more as child processes on {@code kafkaPort},
     *                     {@code kafkaPort + 1}, ...
     */
    public record Config(String host, int kafkaPort, int registryPort, Path dataDir, int brokers) {

        public Config {
            host = host == null || host.isBlank() ? "localhost" : host;
            if (brokers < 1) {
                throw new IllegalArgumentException("--brokers must be 1 or more, was " + brokers);
            }
            if (brokers > 1 && dataDir == null) {
                throw new IllegalArgumentException("a cluster of several brokers needs a data directory");
            }
            if (kafkaPort != 0 && registryPort >= kafkaPort && registryPort < kafkaPort + brokers) {
                throw new IllegalArgumentException("Kafka and the schema registry cannot share port " + registryPort);
            }
        }

        public Config(String host, int kafkaPort, int registryPort, Path dataDir) {
            this(host, kafkaPort, registryPort, dataDir, 1);
        }

        /** The demo's fixed, well-known ports and data kept in ./.newsflow. */
        public static Config defaults() {
            return new Config("localhost", 9092, 8081, Path.of(".newsflow"));
        }

        /** Free ports and a temporary data directory. */
        public static Config forTests() {
            return new Config("localhost", 0, 0, null);
        }
    }

    private final AutoCloseable kafka;
    private final String bootstrapServers;
    private final int kafkaPort;
    private final KafkaCluster cluster;
    private final SchemaRegistryServer registry;
    private boolean closed;

    private LocalStack(AutoCloseable kafka, String bootstrapServers, int kafkaPort, KafkaCluster cluster,
                       SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.kafkaPort = kafkaPort;
        this.cluster = cluster;
        this.registry = registry;
    }

    /**
     * Starts Kafka, then the schema registry on it.
     *
     * @throws PortInUseException when either port is taken; the one-line message names the port and the
     *                            command-line option that changes it. Checked before anything starts.
     */
    public static LocalStack start(Config config) {
        for (int i = 0; i < config.brokers(); i++) {
            requireFree(config.host(), config.kafkaPort() == 0 ? 0 : config.kafkaPort() + i, "Kafka", "--kafka-port");
        }
        requireFree(config.host(), config.registryPort(), "schema registry", "--registry-port");
        long startNanos = System.nanoTime();

        LocalStack partial;
        if (config.brokers() == 1) {
            Path kafkaDir = config.dataDir() == null ? null : config.dataDir().resolve("kafka");
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(
                    new EmbeddedKafkaBroker.Config(config.host(), config.kafkaPort(), kafkaDir, Map.of()));
            partial = new LocalStack(kafka, kafka.bootstrapServers(), kafka.port(), null, null);
        } else {
            KafkaCluster cluster = KafkaCluster.start(new KafkaCluster.Config(config.brokers(), config.host(),
                    config.kafkaPort(), config.dataDir(), Map.of(), List.of(), Map.of(), null));
            partial = new LocalStack(cluster, cluster.bootstrapServers(), config.kafkaPort(), cluster, null);
        }
        SchemaRegistryServer registry;
        try {
            // _schemas gets the broker's default replication, like every other topic here.
            registry = SchemaRegistryServer.start(new SchemaRegistryServer.Config(
                    config.host(), config.registryPort(), partial.bootstrapServers, SCHEMAS_TOPIC));
        } catch (RuntimeException e) {
            partial.closeKafka();
            throw e;
        }
        LOG.info("local stack started brokers={} bootstrapServers={} schemaRegistryUrl={} dataDir={} startMs={}",
                config.brokers(), partial.bootstrapServers, registry.url(),
                config.dataDir() == null ? "temporary" : config.dataDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return new LocalStack(partial.kafka, partial.bootstrapServers, partial.kafkaPort, partial.cluster, registry);
    }

    /** host:port of every broker, for clients' bootstrap.servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The brokers' child processes when there are several; empty for the single in-process broker. */
    public Optional<KafkaCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** Base URL for the serdes' schema.registry.url, e.g. http://localhost:8081. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** The first broker's client port. */
    public int kafkaPort() {
        return kafkaPort;
    }

    public int registryPort() {
        return registry.port();
    }

    /**
     * Creates the topics that do not exist yet (the brokers' default replication: 1 on one broker, 3 on three);
     * existing ones are left as they are.
     */
    public void createTopics(Map<String, Integer> namesToPartitions) {
        Topics.createIfMissing(bootstrapServers(), namesToPartitions);
    }

    /** Stops the registry, then Kafka. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
        } finally {
            closeKafka();
        }
        LOG.info("local stack stopped");
    }

    private void closeKafka() {
        try {
            kafka.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Kafka: " + e.getMessage(), e);
        }
    }

    private static void requireFree(String host, int port, String what, String option) {
        if (port != 0 && !Ports.isFree(host, port)) {
            throw new PortInUseException(host, port,
                    "port " + port + " is already in use (" + what + "); choose another with " + option);
        }
    }
}
