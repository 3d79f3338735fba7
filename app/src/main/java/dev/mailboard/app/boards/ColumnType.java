package dev.mailboard.app.boards;

import java.util.Locale;

/** What a column holds; the type decides how a value is checked, stored, sorted and shown. */
public enum ColumnType {
    /** One line of text. */
    TEXT,
    /** Several lines of plain text. */
    LONG_TEXT,
    /** One of the column's labels. */
    STATUS,
    /** A user of the account (stored as the user id). */
    PERSON,
    /** An email address. */
    EMAIL,
    /** A calendar date, {@code yyyy-mm-dd}. */
    DATE,
    /** A decimal number. */
    NUMBER,
    /** An {@code https} link. */
    LINK,
    /** Comma-separated tags. */
    TAGS,
    /** The files attached to the item (read-only: attach files instead). */
    FILES;

    /**
     * The type's name as stored and shown in the API.
     *
     * @return for example {@code long_text}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a type from its code.
     *
     * @param code for example {@code status}
     * @return the type
     * @throws IllegalArgumentException naming the allowed values when the code is unknown
     */
    public static ColumnType fromCode(String code) {
        for (ColumnType type : values()) {
            if (type.code().equalsIgnoreCase(code.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown column type '" + code
                + "': use text, long_text, status, person, email, date, number, link, tags or files");
    }
}
