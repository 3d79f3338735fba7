package dev.mailboard.app.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a personal API token (not the token itself).
 *
 * @param value the token's UUID
 */
public record ApiTokenId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public ApiTokenId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
