package dev.mailboard.app.connections;

/** No access token can be had for a connection: it needs reconnecting, was removed, or the provider failed. */
public class ConnectionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the connection cannot be used. */
    public enum Reason {
        /** The grant was refused: the owner has to reconnect; do not retry. */
        NEEDS_RECONNECT,
        /** The connection does not exist (any more); do not retry. */
        REMOVED,
        /** The token endpoint failed for now (timeouts, 5xx, 429); retry later. */
        TEMPORARILY_UNAVAILABLE
    }

    private final ConnectionId connection;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param connection the connection
     * @param reason why
     * @param detail a message without any secret
     */
    public ConnectionUnavailableException(ConnectionId connection, Reason reason, String detail) {
        super(detail);
        this.connection = connection;
        this.reason = reason;
    }

    /**
     * The connection.
     *
     * @return its id
     */
    public ConnectionId connection() {
        return connection;
    }

    /**
     * Why it is unavailable.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether trying again later may help.
     *
     * @return true for {@link Reason#TEMPORARILY_UNAVAILABLE}
     */
    public boolean isTransient() {
        return reason == Reason.TEMPORARILY_UNAVAILABLE;
    }
}
