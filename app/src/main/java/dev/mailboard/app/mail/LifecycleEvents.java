package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.webhooks.InboxEntry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers Graph's lifecycle events by enqueuing work, in the transaction that completes the entry (S-31):
 * {@code reauthorizationRequired} renews, {@code subscriptionRemoved} recreates and catches up, {@code missed}
 * catches up.
 */
@Component
class LifecycleEvents {

    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

    private final SubscriptionRepository subscriptions;
    private final CatchUp catchUp;
    private final MailQueue jobs;
    private final MeterRegistry metrics;

    LifecycleEvents(SubscriptionRepository subscriptions, CatchUp catchUp, MailQueue jobs, MeterRegistry metrics) {
        this.subscriptions = subscriptions;
        this.catchUp = catchUp;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    void handle(InboxEntry entry, SubscriptionRepository.Stored subscription) {
        String event = String.valueOf(entry.lifecycleEvent());
        ConnectionId connection = subscription.connection();
        log.info("Lifecycle event {} for subscription {} of connection {}", event, subscription.id(), connection);
        metrics.counter("mailboard.mail.lifecycle.events", "event", event).increment();
        switch (event) {
            case "reauthorizationRequired" -> renew(subscription.id());
            case "subscriptionRemoved" -> {
                subscriptions.delete(subscription.id());
                ensure(jobs, connection, true);
            }
            case "missed" -> catchUp.request(connection);
            default -> log.info("Ignored unknown lifecycle event {}", event);
        }
    }

    void renew(String subscriptionId) {
        jobs.enqueue(JobRequest.now(new MailCommands.RenewSubscription(subscriptionId), "renew:" + subscriptionId));
    }

    static void ensure(MailQueue jobs, ConnectionId connection, boolean catchUpAfter) {
        jobs.enqueue(JobRequest.now(
                new MailCommands.EnsureSubscription(connection.value(), catchUpAfter),
                (catchUpAfter ? "ensure-and-catch-up:" : "ensure:") + connection));
    }
}
