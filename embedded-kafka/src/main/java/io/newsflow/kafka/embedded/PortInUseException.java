package io.newsflow.kafka.embedded;

/**
 * A server could not start because its port is taken; carries the port so a caller can tell the
 * operator which command-line option changes it.
 */
public final class PortInUseException extends IllegalStateException {

    private final String host;
    private final int port;

    public PortInUseException(String host, int port, String message) {
        super(message);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
