package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a local cluster in a process of its own, so that it can be killed (SIGKILL) and restarted like a
 * real broker. Started by the local stack with every setting on the command line; stops cleanly on SIGTERM.
 *
 * <pre>
 * java -cp newsflow.jar io.newsflow.kafka.embedded.BrokerMain --node-id 2 --nodes 3 --host localhost \
 *     --port 9093 --controller-port 9193 --voters 1@localhost:9192,2@localhost:9193,3@localhost:9194 \
 *     --cluster-id ID --data-dir .newsflow/kafka-2 [--set key=value]... [--scram CREDENTIAL]...
 * </pre>
 */
public final class BrokerMain {

    /** The line a node prints once it answers clients; the parent waits for it. */
    public static final String READY = "newsflow-broker-ready";
    static final String PARENT_PID = "--parent-pid";

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker.Config config = parse(args);
        watchParent(args);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println(READY + " node=" + config.member().nodeId() + " bootstrap=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    /**
     * A node whose launcher died (SIGKILLed test JVM, closed terminal) would hold its ports forever: it stops with
     * the process named by {@code --parent-pid}.
     */
    private static void watchParent(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals(PARENT_PID)) {
                ProcessHandle.of(Long.parseLong(args[i + 1])).ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
            }
        }
    }

    /** The command line of a node, the inverse of {@link #parse}. */
    public static List<String> arguments(EmbeddedKafkaBroker.Config config) {
        ClusterMember member = config.member();
        List<String> args = new ArrayList<>(List.of("--node-id", Integer.toString(member.nodeId()),
                "--nodes", Integer.toString(member.size()), "--host", config.host(),
                "--port", Integer.toString(config.port()),
                "--controller-port", Integer.toString(member.controllerPort()), "--voters", member.quorumVoters(),
                "--cluster-id", member.clusterId(), "--data-dir", config.dataDir().toString()));
        config.overrides().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        config.clientSettings().forEach((key, value) -> args.addAll(List.of("--client", key + "=" + value)));
        config.scramCredentials().forEach(credential -> args.addAll(List.of("--scram", credential)));
        args.addAll(List.of(PARENT_PID, Long.toString(ProcessHandle.current().pid())));
        return args;
    }

    static EmbeddedKafkaBroker.Config parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> overrides = new HashMap<>();
        Map<String, String> client = new HashMap<>();
        List<String> scram = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " has no value");
            }
            String name = args[i];
            String value = args[i + 1];
            switch (name) {
                case "--set" -> put(overrides, value);
                case "--client" -> put(client, value);
                case "--scram" -> scram.add(value);
                case PARENT_PID -> { }
                default -> options.put(name, value);
            }
        }
        ClusterMember member = new ClusterMember(integer(options, "--node-id"), integer(options, "--nodes"),
                integer(options, "--controller-port"), required(options, "--voters"),
                required(options, "--cluster-id"));
        return new EmbeddedKafkaBroker.Config(required(options, "--host"), integer(options, "--port"),
                Path.of(required(options, "--data-dir")), overrides, member, scram, client);
    }

    private static void put(Map<String, String> into, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value, got " + keyValue);
        }
        into.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name) {
        return Integer.parseInt(required(options, name));
    }
}
