package dev.mailboard.sandbox.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to deliver a batch of notifications, as shown by the control API.
 *
 * @param kind {@code change}, {@code lifecycle} or {@code validation}
 * @param outcome {@code delivered}, {@code retrying}, {@code gave-up}, {@code dropped} or {@code failed}
 * @param status the receiver's HTTP status, or 0 when it did not answer
 */
public record Delivery(
        Instant at,
        String kind,
        String url,
        List<String> subscriptionIds,
        int count,
        int attempt,
        int status,
        long durationMs,
        String outcome) {}
