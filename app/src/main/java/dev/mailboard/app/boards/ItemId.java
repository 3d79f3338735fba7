package dev.mailboard.app.boards;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an item by its short number, unique across Mailboard, so that mail subjects can carry
 * it as {@code [#1234]}.
 *
 * @param value the item number
 */
public record ItemId(@JsonValue long value) {

    /**
     * The form used in mail subjects.
     *
     * @return for example {@code #1234}
     */
    public String tag() {
        return "#" + value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
