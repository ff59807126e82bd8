package io.newsflow.localstack;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.kafka.embedded.PortInUseException;
import io.newsflow.kafka.embedded.Ports;
import io.newsflow.registry.server.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything newsflow needs from the outside world, on this machine: a Kafka broker and a schema
 * registry that keeps its schemas in that broker. Integration tests and the demo start it instead of a
 * cluster.
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
     * @param dataDir      directory kept across runs (Kafka's data under {@code dataDir/kafka}, schemas
     *                     included); null means a temporary directory deleted on close
     */
    public record Config(String host, int kafkaPort, int registryPort, Path dataDir) {

        public Config {
            host = host == null || host.isBlank() ? "localhost" : host;
            if (kafkaPort != 0 && kafkaPort == registryPort) {
                throw new IllegalArgumentException("Kafka and the schema registry cannot share port " + kafkaPort);
            }
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

    private final EmbeddedKafkaBroker kafka;
    private final SchemaRegistryServer registry;
    private boolean closed;

    private LocalStack(EmbeddedKafkaBroker kafka, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * Starts Kafka, then the schema registry on it.
     *
     * @throws PortInUseException when either port is taken; the one-line message names the port and the
     *                            command-line option that changes it. Checked before anything starts.
     */
    public static LocalStack start(Config config) {
        requireFree(config.host(), config.kafkaPort(), "Kafka", "--kafka-port");
        requireFree(config.host(), config.registryPort(), "schema registry", "--registry-port");
        long startNanos = System.nanoTime();

        Path kafkaDir = config.dataDir() == null ? null : config.dataDir().resolve("kafka");
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(
                new EmbeddedKafkaBroker.Config(config.host(), config.kafkaPort(), kafkaDir, Map.of()));
        SchemaRegistryServer registry;
        try {
            registry = SchemaRegistryServer.start(new SchemaRegistryServer.Config(
                    config.host(), config.registryPort(), kafka.bootstrapServers(), SCHEMAS_TOPIC));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("local stack started bootstrapServers={} schemaRegistryUrl={} dataDir={} startMs={}",
                kafka.bootstrapServers(), registry.url(), kafkaDir == null ? "temporary" : config.dataDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return new LocalStack(kafka, registry);
    }

    /** host:port for clients' bootstrap.servers. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Base URL for the serdes' schema.registry.url, e.g. http://localhost:8081. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    public int kafkaPort() {
        return kafka.port();
    }

    public int registryPort() {
        return registry.port();
    }

    /** Creates the topics that do not exist yet (replication factor 1); existing ones are left as they are. */
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
            kafka.close();
        }
        LOG.info("local stack stopped");
    }

    private static void requireFree(String host, int port, String what, String option) {
        if (port != 0 && !Ports.isFree(host, port)) {
            throw new PortInUseException(host, port,
                    "port " + port + " is already in use (" + what + "); choose another with " + option);
        }
    }
}
