package io.newsflow.registry.server;

/**
 * What a handler answers: an HTTP status and either a value for Jackson to write or, for the one endpoint that
 * returns a schema as-is, raw JSON text.
 */
record Response(int status, Object body, String rawJson) {

  static Response ok(Object body) {
    return new Response(200, body, null);
  }

  static Response raw(String json) {
    return new Response(200, null, json);
  }
}
