package io.newsflow.producer.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.producer.Failure;
import io.newsflow.producer.text.DecodedText;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads JSON files (one object or an array of objects) and JSON Lines files (one object per line). An
 * item that fails is reported with its position and the others still go; a JSON file that does not
 * parse fails whole, since nothing in it can be trusted.
 */
final class JsonArticles {

  // Jackson describes where its input came from; for a string that is noise in a one-line reason.
  private static final Pattern SOURCE_DESCRIPTION = Pattern.compile("\\[Source: [^;\\]]*; ");

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  void readDocument(String text, ReadContext context, SourceListener listener) {
    String path = context.pathText();
    if (text.isBlank()) {
      listener.onFailure(new Failure(path, "empty file"));
      return;
    }
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      listener.onFailure(new Failure(path, reason(e, true)));
      return;
    }
    if (root.isObject()) {
      emit(root, context, Map.of(), path, listener);
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        String origin = SourceAttributes.indexOrigin(path, i);
        JsonNode element = root.get(i);
        if (element.isObject()) {
          emit(element, context, Map.of(SourceAttributes.SOURCE_INDEX, Integer.toString(i)), origin, listener);
        } else {
          listener.onFailure(new Failure(origin, "expected a JSON object, found " + JsonFields.typeOf(element)));
        }
      }
    } else {
      listener.onFailure(new Failure(path,
          "expected a JSON object or an array of objects, found " + JsonFields.typeOf(root)));
    }
  }

  /**
   * Reads JSON Lines text whose first line is line {@code firstLine} of its file (above 1 when following a
   * growing file from an offset). Lines that could not be decoded were reported by the caller and are
   * skipped here.
   *
   * @return the number of non-blank lines seen
   */
  int readLines(DecodedText decoded, int firstLine, ReadContext context, SourceListener listener) {
    List<String> lines = decoded.text().lines().toList();
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = firstLine + i;
      if (lines.get(i).isBlank() || decoded.undecodable(i + 1)) {
        continue;
      }
      seen++;
      readLine(lines.get(i), lineNumber, context.withCharset(decoded.charsetOfLine(i + 1)), listener);
    }
    if (seen == 0 && firstLine == 1 && decoded.complete()) {
      listener.onFailure(new Failure(context.pathText(), "empty file"));
    }
    return seen;
  }

  /** Reads one JSON Lines line, 1-based {@code lineNumber}, handing its article or failure on. */
  void readLine(String line, int lineNumber, ReadContext context, SourceListener listener) {
    String origin = SourceAttributes.lineOrigin(context.pathText(), lineNumber);
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      listener.onFailure(new Failure(origin, reason(e, false)));
      return;
    }
    if (node.isObject()) {
      emit(node, context, Map.of(SourceAttributes.SOURCE_LINE, Integer.toString(lineNumber)), origin, listener);
    } else {
      listener.onFailure(new Failure(origin, "expected a JSON object, found " + JsonFields.typeOf(node)));
    }
  }

  private static void emit(JsonNode object, ReadContext context, Map<String, String> position, String origin,
      SourceListener listener) {
    try {
      listener.onArticle(JsonFields.toArticle(object, context, position));
    } catch (InputException e) {
      listener.onFailure(new Failure(origin, e.reason()));
    }
  }

  /** Jackson's message on one line, with the line (for whole documents) and column it points at. */
  private static String reason(JsonProcessingException e, boolean withLine) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    message = SOURCE_DESCRIPTION.matcher(message.lines().findFirst().orElse("")).replaceAll("[");
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return message;
    }
    return withLine
        ? message + " at line " + location.getLineNr() + " column " + location.getColumnNr()
        : message + " at column " + location.getColumnNr();
  }
}
