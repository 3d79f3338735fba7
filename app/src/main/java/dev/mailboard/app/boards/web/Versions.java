package dev.mailboard.app.boards.web;

import org.jspecify.annotations.Nullable;

/** Reads the item version a client sends, as {@code If-Match: "3"} or as a {@code version} field. */
final class Versions {

    private Versions() {}

    static long required(@Nullable String ifMatch, @Nullable Long field) {
        Long version = optional(ifMatch, field);
        if (version == null) {
            throw new VersionRequiredException();
        }
        return version;
    }

    static @Nullable Long optional(@Nullable String ifMatch, @Nullable Long field) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                long version = Long.parseLong(tag);
                if (field != null && field != version) {
                    throw new IllegalArgumentException("If-Match and the version field disagree");
                }
                return version;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("If-Match must be an item version such as \"3\"", e);
            }
        }
        return field;
    }

    /** Thrown when a change carries no version (428). */
    static final class VersionRequiredException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        VersionRequiredException() {
            super("Send the item's version (from its ETag or version field) as If-Match or as a version field,"
                    + " so that a change made meanwhile by someone else is not overwritten");
        }
    }
}
