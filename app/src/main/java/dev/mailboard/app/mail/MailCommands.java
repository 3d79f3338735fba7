package dev.mailboard.app.mail;

import dev.mailboard.app.jobs.JobRequest;
import java.util.UUID;

/** The commands of the mail module's jobs. They carry ids only, never a token or clientState. */
final class MailCommands {

    private MailCommands() {}

    /** Claim and process a batch of inbox entries; {@code batch} only makes each enqueued drain distinct. */
    record DrainInbox(String batch) {
        /** A drain with a key of its own: a drain already running cannot swallow it. */
        static JobRequest request() {
            String batch = UUID.randomUUID().toString();
            return JobRequest.now(new DrainInbox(batch), "drain:" + batch);
        }
    }

    /** Fetch and publish one message that failed in a batch (retries, backoff and dead letter apply). */
    record FetchMessage(UUID connection, String messageId, MailReceived.Discovery foundBy) {}

    /**
     * Create the Inbox subscription of a watch that has none; with {@code catchUpAfter}, then run a catch-up
     * round, so that mail which arrived while there was no subscription is found (a round run before the
     * subscription exists could miss mail arriving in between).
     */
    record EnsureSubscription(UUID connection, boolean catchUpAfter) {}

    /** Extend a subscription (also answers {@code reauthorizationRequired}). */
    record RenewSubscription(String subscriptionId) {}

    /** Compare Graph's subscriptions with the database and repair them. */
    record ReconcileSubscriptions(UUID connection) {}

    /** Delete the subscriptions of a mailbox no longer watched. */
    record RemoveSubscriptions(UUID connection) {}

    /** Run a delta round over a watched Inbox and publish what notifications missed. */
    record CatchUpMailbox(UUID connection) {}
}
