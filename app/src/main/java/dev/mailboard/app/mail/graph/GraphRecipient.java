package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.Nullable;

/**
 * A recipient or sender: {@code {"emailAddress": {"name", "address"}}}.
 *
 * @param emailAddress the name and address
 */
public record GraphRecipient(@Nullable GraphEmailAddress emailAddress) {

    /** A recipient with the given address and name. */
    public static GraphRecipient of(String address, @Nullable String name) {
        return new GraphRecipient(new GraphEmailAddress(name, address));
    }

    /** The address, or null. */
    public @Nullable String address() {
        return emailAddress == null ? null : emailAddress.address();
    }
}
