package dev.mailboard.app.connections;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a mailbox connection.
 *
 * @param value the connection's UUID
 */
public record ConnectionId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A new, random connection id.
     *
     * @return the id
     */
    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    /**
     * Parses a connection id from its text form.
     *
     * @param text a UUID
     * @return the id
     */
    public static ConnectionId of(String text) {
        return new ConnectionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
