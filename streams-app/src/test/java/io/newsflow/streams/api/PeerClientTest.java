package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.streams.api.Views.CountersView;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an instance sends a peer, against a stub peer that records each request's Authorization header. */
class PeerClientTest {

  private static final String NO_HEADER = "(none)";

  private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
  private HttpServer peer;
  private volatile int status = 200;

  @BeforeEach
  void startPeer() throws IOException {
    peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    peer.createContext("/internal/stats", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      seen.add(authorization == null ? NO_HEADER : authorization);
      byte[] body = (status == 200 ? "{\"counters\":{\"articles.in\":3}}" : "{\"status\":401,\"error\":\"no\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    peer.start();
  }

  @AfterEach
  void stopPeer() {
    peer.stop(0);
  }

  @Test
  void forwardedRequestsCarryTheSharedBearerToken() {
    PeerClient client = new PeerClient(new ObjectMapper(), ApiAuth.from(Map.of(ApiConfig.AUTH_TOKEN, "tok-123")));

    CountersView counters = client.read(client.get(peerHost(), "/internal/stats").join(), CountersView.class);

    assertThat(seen.poll()).isEqualTo("Bearer tok-123");
    assertThat(counters.counters()).containsExactly(Map.entry("articles.in", 3L));
  }

  @Test
  void forwardedRequestsCarryTheSharedBasicCredentials() {
    PeerClient client = new PeerClient(new ObjectMapper(), ApiAuth.from(Map.of(ApiConfig.AUTH_BASIC, "ops:pw")));

    client.get(peerHost(), "/internal/stats").join();

    assertThat(seen.poll()).isEqualTo("Basic b3BzOnB3");
  }

  @Test
  void withoutAuthNoHeaderIsSent() {
    PeerClient client = new PeerClient(new ObjectMapper(), ApiAuth.none());

    client.get(peerHost(), "/internal/stats").join();

    assertThat(seen.poll()).isEqualTo(NO_HEADER);
  }

  @Test
  void aPeerRefusingTheCredentialsIsABadGatewayNamingTheKeys() {
    status = 401;
    PeerClient client = new PeerClient(new ObjectMapper(), ApiAuth.from(Map.of(ApiConfig.AUTH_TOKEN, "tok-123")));
    PeerClient.Answer answer = client.get(peerHost(), "/internal/stats").join();

    assertThatThrownBy(() -> client.read(answer, CountersView.class))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(502))
        .hasMessage("instance 127.0.0.1:" + peer.getAddress().getPort() + " refused this instance's credentials: "
            + "every instance needs the same newsflow.http.auth.token or newsflow.http.auth.basic");
  }

  private HostInfo peerHost() {
    return new HostInfo("127.0.0.1", peer.getAddress().getPort());
  }
}
