package io.newsflow.kafka.embedded;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One node's place in a KRaft cluster whose every node is broker and controller at once: its id, how many nodes
 * the cluster has, its own controller port, the static voter set and the cluster id that every node is formatted
 * with (nodes formatted with different ids refuse each other).
 *
 * @param nodeId this node's {@code node.id}, 1..size
 * @param size the number of nodes; replication defaults follow it (3 or more: factor 3, in-sync minimum 2)
 * @param controllerPort this node's controller listener port
 * @param quorumVoters {@code controller.quorum.voters} of the whole cluster, e.g. {@code 1@localhost:9192,...}
 * @param clusterId the id every node's storage is formatted with
 */
public record ClusterMember(int nodeId, int size, int controllerPort, String quorumVoters, String clusterId) {

    public ClusterMember {
        if (size < 1 || nodeId < 1 || nodeId > size) {
            throw new IllegalArgumentException("node " + nodeId + " of " + size + " is not a cluster member");
        }
        if (quorumVoters == null || quorumVoters.isBlank() || clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("a cluster member needs the quorum voters and the cluster id");
        }
    }

    /** The static voter set of nodes 1..n on {@code host}, node i's controller on {@code controllerPorts[i-1]}. */
    public static String voters(String host, int... controllerPorts) {
        return IntStream.range(0, controllerPorts.length)
                .mapToObj(i -> (i + 1) + "@" + host + ":" + controllerPorts[i])
                .collect(Collectors.joining(","));
    }

    /** Replicas per partition of the topics the cluster creates by default: 3 at most, never more than nodes. */
    public int replicationFactor() {
        return Math.min(3, size);
    }

    /**
     * In-sync replicas a write needs: 2 of 3, so that one node may fail (or restart) without refusing writes and
     * without an acknowledged write living on one node only; 1 below three nodes.
     */
    public int minInsyncReplicas() {
        return size >= 3 ? 2 : 1;
    }
}
