package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.Nullable;

/**
 * An attachment with its content when it was within the limits, else a reference (S-57).
 *
 * @param attachment the metadata
 * @param content the bytes, or null for a reference
 */
public record FetchedAttachment(GraphAttachment attachment, byte @Nullable [] content) {

    /** Whether only the metadata was kept. */
    public boolean isReference() {
        return content == null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FetchedAttachment that
                && attachment.equals(that.attachment)
                && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return attachment.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "FetchedAttachment[" + attachment + ", content=" + (content == null ? "none" : content.length + " bytes")
                + "]";
    }
}
