package dev.mailboard.app.mail;

import org.jspecify.annotations.Nullable;

/**
 * An attachment of a received mail, described but not downloaded: the content is fetched only when an
 * action needs it, and only within the configured limits (S-57).
 *
 * @param attachmentId Graph's id for it, within its message
 * @param name the file name
 * @param contentType the media type the sender claimed
 * @param size its size in bytes
 * @param inline whether the body shows it inline (a {@code cid:} image)
 * @param contentId the {@code Content-ID} inline images are referred to by, or null
 */
public record MailAttachment(
        String attachmentId,
        String name,
        String contentType,
        long size,
        boolean inline,
        @Nullable String contentId) {}
