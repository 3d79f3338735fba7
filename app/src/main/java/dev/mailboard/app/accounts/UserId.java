package dev.mailboard.app.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a user.
 *
 * @param value the user's UUID
 */
public record UserId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a user id from its text form.
     *
     * @param text a UUID
     * @return the id
     */
    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
