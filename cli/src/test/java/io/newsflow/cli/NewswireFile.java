package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated articles as a JSON-lines newswire file, the input {@code newsflow produce} reads in the ITs. */
final class NewswireFile {

  private NewswireFile() {
  }

  /** Writes {@code articles} to {@code file}, one JSON object a line, in the producer's field names. */
  static void write(List<RawArticle> articles, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (RawArticle a : articles) {
      ObjectNode node = json.createObjectNode();
      node.put("id", a.getId());
      node.put("url", a.getUrl());
      node.put("title", a.getTitle());
      node.put("body", a.getBody());
      node.put("publishedAt", a.getPublishedAt().toString());
      String updated = a.getAttributes().get("updatedAt");
      if (updated != null) {
        node.put("updatedAt", updated);
      }
      node.put("publisher", a.getAttributes().get("publisher"));
      lines.add(json.writeValueAsString(node));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
