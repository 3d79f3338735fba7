package dev.mailboard.app.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A checked notification waiting to be processed. It is trusted for nothing but "look at message
 * {@code messageId} of subscription {@code subscriptionId}" (or, for a lifecycle event, "this happened to
 * subscription {@code subscriptionId}").
 *
 * @param id the entry, to complete it once processed
 * @param subscriptionId the Graph subscription it came for
 * @param changeType {@code created}, {@code updated} or {@code deleted}; null for lifecycle events
 * @param lifecycleEvent {@code reauthorizationRequired}, {@code subscriptionRemoved} or {@code missed};
 *     null for change notifications
 * @param messageId the message id from {@code resourceData.id}; null for lifecycle events
 * @param receivedAt when Mailboard acknowledged it
 * @param attempts how many times it was claimed, this claim included
 */
public record InboxEntry(
        long id,
        String subscriptionId,
        @Nullable String changeType,
        @Nullable String lifecycleEvent,
        @Nullable String messageId,
        Instant receivedAt,
        int attempts) {

    /**
     * Whether this is a lifecycle event rather than a change notification.
     *
     * @return true for lifecycle events
     */
    public boolean isLifecycle() {
        return lifecycleEvent != null;
    }
}
