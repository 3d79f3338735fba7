package dev.mailboard.app.boards;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an update posted on an item.
 *
 * @param value the UUID
 */
public record UpdateId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public UpdateId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the id from its text form.
     *
     * @param text a UUID
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static UpdateId of(String text) {
        return new UpdateId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
