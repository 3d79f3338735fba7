package dev.mailboard.sandbox.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A file attachment of a message. */
public record Attachment(
        String id,
        String name,
        String contentType,
        byte[] content,
        boolean isInline,
        @Nullable String contentId,
        Instant lastModified) {}
