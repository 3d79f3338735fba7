package dev.mailboard.app.accounts;

import java.util.Locale;

/** A user's role in their account. */
public enum Role {
    /** Manages users, settings and every connection of the account; reads the audit log. */
    ADMIN,
    /** A regular user. */
    MEMBER,
    /** May read what is shared with them, but changes nothing. */
    VIEWER,
    /** An outside collaborator with the least access. */
    GUEST;

    /**
     * The role's name as stored and shown in the API: lower case.
     *
     * @return for example {@code admin}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role from its code, ignoring case.
     *
     * @param code for example {@code member}
     * @return the role
     * @throws IllegalArgumentException naming the allowed values when the code is unknown
     */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + code + "': use admin, member, viewer or guest");
    }
}
