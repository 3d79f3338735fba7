package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in a delta page: created or updated, or removed ({@code @removed} set).
 *
 * @param id the message id (immutable)
 * @param parentFolderId its folder, for changes
 * @param receivedDateTime when it was received, for changes
 * @param removed why it left the folder, for removals
 */
public record GraphDeltaItem(
        String id,
        @Nullable String parentFolderId,
        @Nullable Instant receivedDateTime,
        @JsonProperty("@removed") @Nullable Removed removed) {

    /** The delta {@code $select}. */
    static final String SELECT = "id,parentFolderId,receivedDateTime";

    /**
     * Why an item was removed.
     *
     * @param reason {@code deleted} or {@code changed}
     */
    public record Removed(@Nullable String reason) {}

    /** Whether the message was deleted or moved out of the folder. */
    public boolean isRemoved() {
        return removed != null;
    }
}
