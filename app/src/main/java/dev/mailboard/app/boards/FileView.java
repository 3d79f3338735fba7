package dev.mailboard.app.boards;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to an item, and possibly to one of its updates.
 *
 * @param id the file
 * @param itemId its item
 * @param updateId the update it belongs to, or null when it belongs to the item only
 * @param fileName the original file name
 * @param contentType the stored content type
 * @param size its size in bytes
 * @param uploadedBy who attached it
 * @param createdAt when
 */
public record FileView(
        FileId id,
        ItemId itemId,
        @Nullable UpdateId updateId,
        String fileName,
        String contentType,
        long size,
        Author uploadedBy,
        Instant createdAt) {

    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /**
     * Whether the file is a raster image that pages may show inline (never SVG).
     *
     * @return true for PNG, JPEG, GIF and WebP
     */
    public boolean isInlineImage() {
        return INLINE_IMAGES.contains(contentType);
    }
}
