package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Kafka cluster of combined KRaft nodes, each in a child process of its own ({@link BrokerMain}), so that
 * one node can be SIGKILLed and restarted while the others serve. Node n keeps its data in
 * {@code <dataDir>/kafka-<n>}, its pid in {@code <dataDir>/broker-<n>.pid} and its log in
 * {@code <dataDir>/broker-<n>.log}; the cluster id in {@code <dataDir>/cluster.id} makes a restart of the whole
 * cluster find its own data again.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** Controller ports sit this far above the client ports when the client ports are fixed (9092 -> 9192). */
    private static final int CONTROLLER_PORT_OFFSET = 100;

    /**
     * @param brokers   number of nodes, 1 or more
     * @param host      host every node listens on
     * @param firstPort node 1's client port, node n's is {@code firstPort + n - 1}; 0 picks free ports
     * @param dataDir   where the nodes keep data, pids and logs (required: the cluster outlives nothing else)
     * @param overrides broker settings for every node
     * @param scramCredentials SCRAM users to format into new storage
     * @param clientSettings security settings with which to ask the nodes whether they answer
     * @param jvmOptions options for each node's JVM (heap)
     */
    public record Config(int brokers, String host, int firstPort, Path dataDir, Map<String, String> overrides,
                         List<String> scramCredentials, Map<String, String> clientSettings,
                         List<String> jvmOptions) {

        public Config {
            if (brokers < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, not " + brokers);
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("a cluster of processes needs a data directory");
            }
            host = host == null || host.isBlank() ? "localhost" : host;
            overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
            scramCredentials = List.copyOf(scramCredentials == null ? List.of() : scramCredentials);
            clientSettings = Map.copyOf(clientSettings == null ? Map.of() : clientSettings);
            jvmOptions = List.copyOf(jvmOptions == null ? List.of("-Xmx768m") : jvmOptions);
        }

        /** {@code brokers} plaintext nodes on localhost from {@code firstPort}. */
        public static Config of(int brokers, int firstPort, Path dataDir) {
            return new Config(brokers, "localhost", firstPort, dataDir, Map.of(), List.of(), Map.of(), null);
        }
    }

    private final Config config;
    private final List<EmbeddedKafkaBroker.Config> nodes;
    private final Map<Integer, Process> processes = new HashMap<>();
    private final String bootstrapServers;
    private boolean closed;

    private KafkaCluster(Config config, List<EmbeddedKafkaBroker.Config> nodes) {
        this.config = config;
        this.nodes = nodes;
        this.bootstrapServers = nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
    }

    /**
     * Starts every node and returns once the cluster has them all.
     *
     * @throws PortInUseException    when a node's client or controller port is taken (checked before any starts)
     * @throws IllegalStateException when the cluster is not complete within two minutes
     */
    public static KafkaCluster start(Config config) {
        long startNanos = System.nanoTime();
        int[] ports = new int[config.brokers()];
        int[] controllerPorts = new int[config.brokers()];
        for (int i = 0; i < config.brokers(); i++) {
            ports[i] = config.firstPort() == 0 ? Ports.freePort(config.host()) : config.firstPort() + i;
            controllerPorts[i] = config.firstPort() == 0
                    ? Ports.freePort(config.host()) : config.firstPort() + CONTROLLER_PORT_OFFSET + i;
            Ports.requireFree(config.host(), ports[i], "Kafka broker " + (i + 1));
            Ports.requireFree(config.host(), controllerPorts[i], "Kafka controller " + (i + 1));
        }
        Path dataDir = config.dataDir().toAbsolutePath();
        String clusterId = clusterId(dataDir);
        String voters = ClusterMember.voters(config.host(), controllerPorts);
        List<EmbeddedKafkaBroker.Config> nodes = new ArrayList<>();
        for (int i = 0; i < config.brokers(); i++) {
            nodes.add(new EmbeddedKafkaBroker.Config(config.host(), ports[i], dataDir.resolve("kafka-" + (i + 1)),
                    config.overrides(), new ClusterMember(i + 1, config.brokers(), controllerPorts[i], voters, clusterId),
                    config.scramCredentials(), config.clientSettings()));
        }
        KafkaCluster cluster = new KafkaCluster(config, nodes);
        try {
            for (int node = 1; node <= config.brokers(); node++) {
                cluster.launch(node);
            }
            cluster.awaitNodes(config.brokers());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("kafka cluster started brokers={} bootstrapServers={} dataDir={} startMs={}", config.brokers(),
                cluster.bootstrapServers, dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return cluster;
    }

    /** Every node's host:port, for clients' bootstrap.servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Node n's own host:port. */
    public String bootstrapServers(int node) {
        EmbeddedKafkaBroker.Config n = nodes.get(node - 1);
        return n.host() + ":" + n.port();
    }

    public int size() {
        return nodes.size();
    }

    /** Node n's process id, as its pid file holds it. */
    public long pid(int node) {
        return processes.get(node).pid();
    }

    public Path pidFile(int node) {
        return config.dataDir().toAbsolutePath().resolve("broker-" + node + ".pid");
    }

    public Path logFile(int node) {
        return config.dataDir().toAbsolutePath().resolve("broker-" + node + ".log");
    }

    public boolean isAlive(int node) {
        Process process = processes.get(node);
        return process != null && process.isAlive();
    }

    /** SIGKILL to node n, as a crashed machine: no clean shutdown, no leadership handed over. */
    public synchronized void kill(int node) {
        Process process = processes.remove(node);
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process, node);
        deleteQuietly(pidFile(node));
        LOG.info("kafka node killed node={} pid={}", node, process.pid());
    }

    /** SIGTERM to node n, which shuts down cleanly (leaders move before it goes). */
    public synchronized void stop(int node) {
        Process process = processes.remove(node);
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(process, node)) {
            process.destroyForcibly();
            waitFor(process, node);
        }
        deleteQuietly(pidFile(node));
        LOG.info("kafka node stopped node={} pid={}", node, process.pid());
    }

    /** Starts node n again on its data and returns once the cluster has it back. */
    public synchronized void restart(int node) {
        if (isAlive(node)) {
            throw new IllegalStateException("node " + node + " is running");
        }
        launch(node);
        awaitNodes(nodes.size());
    }

    /** Stops every node cleanly. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        processes.values().forEach(Process::destroy);
        for (int node : List.copyOf(processes.keySet())) {
            stop(node);
        }
        LOG.info("kafka cluster stopped bootstrapServers={}", bootstrapServers);
    }

    private void launch(int node) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName()));
        command.addAll(BrokerMain.arguments(nodes.get(node - 1)));
        try {
            Files.createDirectories(config.dataDir());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(node).toFile())).start();
            processes.put(node, process);
            Files.writeString(pidFile(node), process.pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + node + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the cluster reports {@code count} live brokers, failing early when a node process exits. */
    private void awaitNodes(int count) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(
                EmbeddedKafkaBroker.probeConfig(bootstrapServers, config.clientSettings(), PROBE_TIMEOUT))) {
            while (true) {
                for (var entry : processes.entrySet()) {
                    if (!entry.getValue().isAlive()) {
                        throw new IllegalStateException("Kafka node " + entry.getKey() + " exited with "
                                + entry.getValue().exitValue() + "; see " + logFile(entry.getKey()));
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size()
                            >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not all nodes have joined yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka nodes", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " did not have " + count
                            + " brokers within " + START_TIMEOUT.toSeconds() + " s; see " + logFile(1));
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }

    private static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static boolean waitFor(Process process, int node) {
        try {
            return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Kafka node " + node, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete file={} error={}", file, e.toString());
        }
    }
}
