package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Graph change-notification subscription on a mailbox's messages.
 *
 * @param folderId the watched folder, or {@code null} for every message of the mailbox
 * @param immutableIds whether notifications carry immutable ids
 * @param rich how resource data is encrypted, or {@code null} for basic notifications
 */
public record SubscriptionRecord(
        String id,
        String appId,
        String userId,
        String resource,
        @Nullable String folderId,
        List<String> changeTypes,
        String notificationUrl,
        @Nullable String lifecycleNotificationUrl,
        @Nullable String clientState,
        Instant expirationDateTime,
        boolean immutableIds,
        String latestSupportedTlsVersion,
        Instant createdAt,
        @Nullable RichSettings rich) {

    /** A copy with new expiry, notification URL and encryption settings. */
    public SubscriptionRecord renewed(Instant expiry, String url, @Nullable RichSettings newRich) {
        return new SubscriptionRecord(
                id,
                appId,
                userId,
                resource,
                folderId,
                changeTypes,
                url,
                lifecycleNotificationUrl,
                clientState,
                expiry,
                immutableIds,
                latestSupportedTlsVersion,
                createdAt,
                newRich);
    }

    @Override
    public String toString() {
        return "SubscriptionRecord[id=" + id + ", resource=" + resource + ", url=" + notificationUrl + "]";
    }
}
