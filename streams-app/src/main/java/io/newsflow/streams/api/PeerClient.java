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
 * that does not answer in time is a 502 naming the peer, so an operator sees which instance to look at. Requests
 * carry this instance's own credentials: instances share their configuration, so a peer expects the same.
 */
final class PeerClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The raw answer of a peer: its status and JSON body. */
  record Answer(HostInfo peer, int status, String body) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final ObjectMapper json;
  private final ApiAuth auth;

  PeerClient(ObjectMapper json, ApiAuth auth) {
    this.json = json;
    this.auth = auth;
  }

  CompletableFuture<Answer> get(HostInfo peer, String pathAndQuery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port()
            + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .GET();
    auth.authorization().ifPresent(value -> request.header("Authorization", value));
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
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
    if (answer.status() == 401) {
      // The caller's credentials were good here; passing the 401 on would blame them for a peer's configuration.
      throw new ApiException(502, "instance " + answer.peer().host() + ":" + answer.peer().port() + " refused "
          + "this instance's credentials: every instance needs the same " + ApiConfig.AUTH_TOKEN + " or "
          + ApiConfig.AUTH_BASIC);
    }
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
