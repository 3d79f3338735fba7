package dev.mailboard.app.boards;

import java.util.Locale;

/** A user's role on one board. Account admins act as owners of every board of their account. */
public enum BoardRole {
    /** Reads the board. */
    VIEWER,
    /** Reads and changes items, posts updates and attaches files. */
    EDITOR,
    /** Edits, and also manages columns and members. */
    OWNER;

    /**
     * The role's name as stored and shown in the API.
     *
     * @return for example {@code editor}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this role includes everything the other one may do.
     *
     * @param other the role required
     * @return true when this role is at least the other
     */
    public boolean includes(BoardRole other) {
        return compareTo(other) >= 0;
    }

    /**
     * Parses a role from its code.
     *
     * @param code for example {@code viewer}
     * @return the role
     * @throws IllegalArgumentException naming the allowed values when the code is unknown
     */
    public static BoardRole fromCode(String code) {
        for (BoardRole role : values()) {
            if (role.code().equalsIgnoreCase(code.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown board role '" + code + "': use owner, editor or viewer");
    }
}
