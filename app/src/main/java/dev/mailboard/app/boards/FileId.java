package dev.mailboard.app.boards;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a file attached to an item.
 *
 * @param value the UUID
 */
public record FileId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public FileId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the id from its text form.
     *
     * @param text a UUID
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static FileId of(String text) {
        return new FileId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
