package dev.mailboard.app.boards;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a column of a board.
 *
 * @param value the UUID
 */
public record ColumnId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public ColumnId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the id from its text form.
     *
     * @param text a UUID
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static ColumnId of(String text) {
        return new ColumnId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
