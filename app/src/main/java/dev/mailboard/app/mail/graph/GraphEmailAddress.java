package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.Nullable;

/**
 * A name and address.
 *
 * @param name the display name
 * @param address the SMTP address
 */
public record GraphEmailAddress(
        @Nullable String name, @Nullable String address) {}
