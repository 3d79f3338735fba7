package dev.mailboard.sandbox.notifications;

import java.util.Map;

/** One notification waiting to be posted, with the subscription it belongs to. */
record Pending(String subscriptionId, Map<String, Object> item) {}
