package dev.mailboard.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notice for one user.
 *
 * @param id the notice
 * @param text what happened and what to do, in words for the user
 * @param link a relative link to where the user can act, or null
 * @param createdAt when it was posted
 * @param readAt when the user saw it, or null while unread
 */
public record NoticeView(
        long id,
        String text,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    /**
     * Whether the user has not seen it yet.
     *
     * @return true while unread
     */
    public boolean isUnread() {
        return readAt == null;
    }
}
