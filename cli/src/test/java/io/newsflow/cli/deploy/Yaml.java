package io.newsflow.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the deployment files (compose, Kubernetes manifests) as Jackson trees. SnakeYAML parses them:
 * Jackson's YAML module leaves anchors, aliases and merge keys ({@code <<: *cluster-broker}) unresolved, and
 * docker-compose.yml is built from them.
 */
final class Yaml {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Yaml() {
  }

  static JsonNode read(Path file) throws IOException {
    List<JsonNode> documents = readAll(file);
    if (documents.size() != 1) {
      throw new IOException(file + " has " + documents.size() + " documents, expected one");
    }
    return documents.get(0);
  }

  /** Every document of a file with several ({@code ---}), in order; empty ones left out. */
  static List<JsonNode> readAll(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object document : new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        if (document != null) {
          documents.add(MAPPER.valueToTree(document));
        }
      }
    }
    return documents;
  }
}
