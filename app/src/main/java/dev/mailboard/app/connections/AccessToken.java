package dev.mailboard.app.connections;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fresh access token of a connection, for one Graph call or a short batch of them. Never a refresh
 * token. It prints as {@code [redacted]}: put {@link #reveal()} only into an {@code Authorization} header.
 */
public final class AccessToken {

    private final ConnectionId connection;
    private final String value;
    private final @Nullable Instant expiresAt;

    AccessToken(ConnectionId connection, String value, @Nullable Instant expiresAt) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = expiresAt;
    }

    /**
     * The connection it belongs to.
     *
     * @return the connection
     */
    public ConnectionId connection() {
        return connection;
    }

    /**
     * The token itself.
     *
     * @return the bearer token
     */
    public String reveal() {
        return value;
    }

    /**
     * The {@code Authorization} header value.
     *
     * @return {@code Bearer <token>}
     */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    /**
     * When it expires, if the provider said.
     *
     * @return the expiry or null
     */
    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "AccessToken[connection=" + connection + ", token=[redacted], expiresAt=" + expiresAt + "]";
    }
}
