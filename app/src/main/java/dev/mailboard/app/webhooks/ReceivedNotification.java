package dev.mailboard.app.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * A notification that passed the edge's checks, about to be stored.
 *
 * @param subscriptionId the Graph subscription
 * @param changeType the change, for change notifications
 * @param lifecycleEvent the event, for lifecycle notifications
 * @param messageId {@code resourceData.id}, for change notifications
 * @param owner the module whose subscription it is ({@link dev.mailboard.app.webhooks.spi.SubscriptionVerifier#owner()})
 */
public record ReceivedNotification(
        String subscriptionId,
        @Nullable String changeType,
        @Nullable String lifecycleEvent,
        @Nullable String messageId,
        String owner) {}
