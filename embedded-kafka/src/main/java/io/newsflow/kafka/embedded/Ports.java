package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * TCP port helpers for servers started on this machine: checking that a chosen port is free before a
 * server fails on it deep inside its startup, and picking a free one when the caller asked for port 0.
 */
public final class Ports {

    private Ports() {
    }

    /** True when a server socket can be bound to {@code host:port} right now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT would look taken although a server could bind it.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port that was free on {@code host} a moment ago. Another process may take it before the caller
     * binds it; that small race is accepted because servers that need to know their port up front
     * (Kafka's advertised listeners) cannot be started on port 0.
     */
    public static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /**
     * Throws {@link PortInUseException} naming the port when it cannot be bound.
     *
     * @param what the server that wanted the port, for the message (e.g. "Kafka")
     */
    public static void requireFree(String host, int port, String what) {
        if (port != 0 && !isFree(host, port)) {
            throw new PortInUseException(host, port,
                    "port " + port + " is already in use on " + host + " (" + what + ")");
        }
    }
}
