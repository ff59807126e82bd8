package io.newsflow.streams.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI description of the routes ({@code openapi.yaml} in the jar), served at {@link #PATH}. Read once at
 * start, so that a jar built without it fails there rather than on the first request for it.
 */
final class OpenApiDocument {

  static final String PATH = "/openapi.yaml";
  static final String RESOURCE = "/io/newsflow/streams/api/openapi.yaml";
  /** RFC 9512's media type for YAML. */
  static final String CONTENT_TYPE = "application/yaml";

  private final byte[] yaml;

  private OpenApiDocument(byte[] yaml) {
    this.yaml = yaml;
  }

  static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild the streams-app jar");
      }
      return new OpenApiDocument(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  void serve(Context ctx) {
    ctx.contentType(CONTENT_TYPE).result(yaml);
  }
}
