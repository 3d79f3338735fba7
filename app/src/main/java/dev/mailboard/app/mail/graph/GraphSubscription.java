package dev.mailboard.app.mail.graph;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change-notification subscription as Graph answers it. {@link #toString()} leaves out the clientState.
 *
 * @param id the subscription id
 * @param resource the watched resource
 * @param changeType the change types, comma-separated
 * @param notificationUrl where notifications go
 * @param lifecycleNotificationUrl where lifecycle events go
 * @param expirationDateTime when it expires (trust this, not the requested value)
 * @param clientState the secret echoed in every notification
 * @param applicationId the app that created it
 * @param creatorId the user it was created for
 */
public record GraphSubscription(
        String id,
        @Nullable String resource,
        @Nullable String changeType,
        @Nullable String notificationUrl,
        @Nullable String lifecycleNotificationUrl,
        @Nullable Instant expirationDateTime,
        @Nullable String clientState,
        @Nullable String applicationId,
        @Nullable String creatorId) {

    @Override
    public String toString() {
        return "GraphSubscription[id=" + id + ", resource=" + resource + ", changeType=" + changeType
                + ", expirationDateTime=" + expirationDateTime + "]";
    }
}
