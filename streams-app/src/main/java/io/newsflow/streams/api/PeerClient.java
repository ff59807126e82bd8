package io.newsflow.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the app for what it holds, over its {@code application.server} address. A peer
 * that does not answer in time is a 502 naming the peer, so an operator sees which instance to look at.
 */
final class PeerClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The raw answer of a peer: its status and JSON body. */
  record Answer(HostInfo peer, int status, String body) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final ObjectMapper json;

  PeerClient(ObjectMapper json) {
    this.json = json;
  }

  CompletableFuture<Answer> get(HostInfo peer, String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port()
            + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .GET()
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
            throw new ApiException(502, "instance " + peer.host() + ":" + peer.port() + " did not answer GET "
                + pathAndQuery + ": " + cause);
          }
          return new Answer(peer, response.statusCode(), response.body());
        });
  }

  /** A peer's 200 answer read as {@code type}; any other status is passed on with the peer's message. */
  <T> T read(Answer answer, Class<T> type) {
    if (answer.status() != 200) {
      throw new ApiException(answer.status() == 404 ? 502 : answer.status(), "instance " + answer.peer().host()
          + ":" + answer.peer().port() + " answered " + answer.status() + ": " + answer.body());
    }
    try {
      return json.readValue(answer.body(), type);
    } catch (IOException e) {
      throw new ApiException(502, "instance " + answer.peer().host() + ":" + answer.peer().port()
          + " sent an unreadable answer: " + e.getMessage());
    }
  }
}
