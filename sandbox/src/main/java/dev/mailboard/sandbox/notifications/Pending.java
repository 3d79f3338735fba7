package dev.mailboard.sandbox.notifications;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One notification waiting to be posted, with the subscription it belongs to.
 *
 * @param audience the subscribing app's client id when the item carries encrypted resource data (its batch then
 *     needs a validation token for that app), {@code null} otherwise
 */
record Pending(
        String subscriptionId,
        Map<String, Object> item,
        @Nullable String audience) {}
