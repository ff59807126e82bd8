package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The on-disk side of the broker: formatting fresh KRaft log directories (what {@code kafka-storage.sh
 * format} does) and deleting temporary ones.
 */
final class Storage {

    private static final String META_PROPERTIES = "meta.properties";

    private Storage() {
    }

    /**
     * Formats the directories unless the metadata directory already is: re-formatting would give the
     * cluster a new id and make the broker refuse its own old data.
     *
     * @return true when the directories were formatted now, false when they held a cluster already
     */
    static boolean formatIfNeeded(Map<String, String> settings, String clusterId, List<String> scramCredentials) {
        String metadataDir = BrokerSettings.metadataLogDir(settings);
        if (Files.exists(Path.of(metadataDir, META_PROPERTIES))) {
            return false;
        }
        List<String> dirs = BrokerSettings.logDirs(settings);
        try {
            new Formatter()
                    // The formatter reports each directory on this stream; operators get our log line instead.
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(Integer.parseInt(settings.get(BrokerSettings.NODE_ID)))
                    .setClusterId(clusterId)
                    .setScramArguments(scramCredentials)
                    .setDirectories(dirs)
                    .setMetadataLogDirectory(metadataDir)
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dirs " + dirs + ": " + e.getMessage(), e);
        }
        return true;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
