package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server.properties of a KRaft node that is broker and controller at once. On a single node every
 * replication factor and in-sync minimum that defaults to 3 is lowered to 1, or internal topics and
 * transactions could never be created; in a cluster they follow its size ({@link ClusterMember}).
 */
final class BrokerSettings {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String NODE_ID = "node.id";
    static final String LOG_DIRS = "log.dirs";
    static final String METADATA_LOG_DIR = "metadata.log.dir";

    private BrokerSettings() {
    }

    static Map<String, String> of(String host, int port, Path logDir, ClusterMember member,
                                  Map<String, String> overrides) {
        int controllerPort = member.controllerPort();
        String replicas = Integer.toString(member.replicationFactor());
        String minIsr = Integer.toString(member.minInsyncReplicas());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put(NODE_ID, Integer.toString(member.nodeId()));
        // A static voter set keeps the controller address out of the metadata log, so a restart on the
        // same data dir may pick a different free controller port (single node).
        settings.put("controller.quorum.voters", member.quorumVoters());
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host
                + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put(LOG_DIRS, logDir.toString());

        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", minIsr);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", minIsr);
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", minIsr);
        // 50 partitions each (the defaults) cost seconds of coordinator loading on a small machine for
        // nothing: a few local nodes have no load to spread.
        settings.put("offsets.topic.num.partitions", "3");
        settings.put("transaction.state.log.num.partitions", "3");
        settings.put("share.coordinator.state.topic.num.partitions", "3");

        // Consumers in tests join one by one; waiting 3 s for more members only slows them down.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Producers may write before anyone created their topic (the demo's news.raw); several
        // partitions by default so that tests exercise keying and ordering per partition.
        settings.put("auto.create.topics.enable", "true");
        settings.put("num.partitions", "3");

        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "4");
        // The log cleaner's offset map is a heap buffer of this size, allocated at start: the default 128 MiB
        // was a quarter of the soak's -Xmx512m, shared with the app. 16 MiB maps some 700,000 keys per pass,
        // more than the compacted topics of a local stack hold.
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        settings.putAll(overrides);
        return settings;
    }

    /** The data directories named by the final settings, after overrides. */
    static List<String> logDirs(Map<String, String> settings) {
        String dirs = settings.getOrDefault(LOG_DIRS, settings.get("log.dir"));
        return Arrays.stream(dirs.split(",")).map(String::trim).filter(dir -> !dir.isEmpty()).toList();
    }

    /** Where the KRaft metadata log lives: its own setting, else the first data directory. */
    static String metadataLogDir(Map<String, String> settings) {
        return settings.getOrDefault(METADATA_LOG_DIR, logDirs(settings).get(0));
    }
}
