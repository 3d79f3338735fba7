package dev.mailboard.sandbox.notifications;

import java.time.Instant;
import java.util.List;

/** A batch of notifications for one endpoint, with when it was first tried and which attempt this is. */
record Batch(String url, String kind, List<Pending> items, Instant firstAttempt, int attempt) {

    Batch next() {
        return new Batch(url, kind, items, firstAttempt, attempt + 1);
    }

    List<String> subscriptionIds() {
        return items.stream().map(Pending::subscriptionId).distinct().toList();
    }
}
