package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server.properties of a single-node KRaft cluster that is broker and controller at once: every
 * replication factor and in-sync minimum that defaults to 3 is lowered to 1, or internal topics and
 * transactions could never be created on one node.
 */
final class BrokerSettings {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String NODE_ID = "node.id";
    static final String LOG_DIRS = "log.dirs";
    static final String METADATA_LOG_DIR = "metadata.log.dir";

    private BrokerSettings() {
    }

    static Map<String, String> of(String host, int port, int controllerPort, Path logDir,
                                  Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put(NODE_ID, "1");
        // A static voter set keeps the controller address out of the metadata log, so a restart on the
        // same data dir may pick a different free controller port.
        settings.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host
                + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put(LOG_DIRS, logDir.toString());

        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        // 50 partitions each (the defaults) cost seconds of coordinator loading on a small machine for
        // nothing: one node has no load to spread.
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
