package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphException;
import dev.mailboard.app.webhooks.InboxEntry;
import dev.mailboard.app.webhooks.NotificationInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes what the webhook edge stored: claims a batch of inbox entries, maps each to its mailbox through
 * the subscription (S-26), skips messages already published, fetches the rest (several at once), publishes
 * the Inbox ones and completes the entries. A crash anywhere leaves entries to be claimed again when their
 * lease ends; the unique key on published messages keeps that harmless. A message that fails on its own is
 * handed to a {@link MailCommands.FetchMessage} job (backoff, then dead letter, S-71) so the others flow on.
 */
@Component
class InboxDrain {

    private static final Logger log = LoggerFactory.getLogger(InboxDrain.class);

    private final NotificationInbox inbox;
    private final SubscriptionRepository subscriptions;
    private final WatchRepository watches;
    private final MessageRepository messages;
    private final MailboxAccess access;
    private final MessageFetch fetch;
    private final MessageIntake intake;
    private final LifecycleEvents lifecycle;
    private final MailQueue jobs;
    private final Failpoints failpoints;
    private final MailProperties properties;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboxDrain(
            NotificationInbox inbox,
            SubscriptionRepository subscriptions,
            WatchRepository watches,
            MessageRepository messages,
            MailboxAccess access,
            MessageFetch fetch,
            MessageIntake intake,
            LifecycleEvents lifecycle,
            MailQueue jobs,
            Failpoints failpoints,
            MailProperties properties,
            MeterRegistry metrics,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.watches = watches;
        this.messages = messages;
        this.access = access;
        this.fetch = fetch;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.failpoints = failpoints;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Claims and processes one batch.
     *
     * @return how many entries were claimed (a full batch means more may wait)
     */
    int drainOnce() {
        List<InboxEntry> claimed =
                inbox.claim(MailSubscriptions.OWNER, properties.drainBatchSize(), properties.drainLease());
        if (claimed.isEmpty()) {
            return 0;
        }
        failpoints.reach(Failpoints.AFTER_CLAIM);
        Map<ConnectionId, List<InboxEntry>> byConnection = new LinkedHashMap<>();
        List<Long> unknown = new ArrayList<>();
        // A batch usually comes from a few subscriptions: each is read once, not once per entry.
        Map<String, Optional<SubscriptionRepository.Stored>> known = new HashMap<>();
        for (InboxEntry entry : claimed) {
            Optional<SubscriptionRepository.Stored> subscription =
                    known.computeIfAbsent(entry.subscriptionId(), subscriptions::find);
            if (subscription.isEmpty()) {
                unknown.add(entry.id());
            } else if (entry.isLifecycle()) {
                transactions.executeWithoutResult(status -> {
                    lifecycle.handle(entry, subscription.get());
                    inbox.complete(List.of(entry.id()));
                });
            } else {
                byConnection
                        .computeIfAbsent(subscription.get().connection(), key -> new ArrayList<>())
                        .add(entry);
            }
        }
        complete(unknown, "unknown_subscription");
        byConnection.forEach(this::process);
        return claimed.size();
    }

    private void process(ConnectionId connection, List<InboxEntry> entries) {
        Optional<WatchRepository.Watch> watch = watches.find(connection);
        if (watch.isEmpty() || !watch.get().isActive()) {
            complete(ids(entries), "not_watched");
            return;
        }
        Set<String> wanted = new LinkedHashSet<>();
        entries.stream()
                .filter(entry -> !"deleted".equals(entry.changeType()) && entry.messageId() != null)
                .forEach(entry -> wanted.add(entry.messageId()));
        wanted.removeAll(messages.recorded(connection, wanted));
        if (wanted.isEmpty()) {
            complete(ids(entries), "already_published");
            return;
        }
        try {
            fetchAndPublish(watch.get(), access.open(connection), new ArrayList<>(wanted), entries);
        } catch (ConnectionUnavailableException e) {
            if (e.isTransient()) {
                inbox.postpone(ids(entries), properties.retryDelay());
            } else {
                // The watch pauses; the catch-up after a reconnect finds these messages again.
                complete(ids(entries), "connection_unavailable");
            }
        } catch (GraphException e) {
            log.info(
                    "Fetching {} messages of connection {} failed: {}; retrying later",
                    wanted.size(),
                    connection,
                    e.kind());
            inbox.postpone(ids(entries), e.retryAfter().orElse(properties.retryDelay()));
        }
    }

    private void fetchAndPublish(
            WatchRepository.Watch watch, GraphAccess graphAccess, List<String> wanted, List<InboxEntry> entries) {
        String inboxFolder = fetch.inboxFolderId(watch, graphAccess);
        MessageFetch.Fetched fetched = fetch.fetch(graphAccess, inboxFolder, wanted);
        failpoints.reach(Failpoints.AFTER_FETCH);
        intake.publishAll(watch, fetched.inInbox(), MailReceived.Discovery.NOTIFICATION);
        if (!fetched.dropped().isEmpty()) {
            metrics.counter("mailboard.mail.dropped", "reason", "not_in_inbox")
                    .increment(fetched.dropped().size());
        }
        failpoints.reach(Failpoints.AFTER_RECORD);
        transactions.executeWithoutResult(status -> {
            fetched.failed()
                    .forEach((id, e) -> jobs.enqueue(new JobRequest(
                            new MailCommands.FetchMessage(
                                    watch.connection().value(), id, MailReceived.Discovery.NOTIFICATION),
                            "fetch:" + watch.connection() + ":" + id,
                            clock.instant().plus(e.retryAfter().orElse(Duration.ZERO)))));
            inbox.complete(ids(entries));
        });
    }

    private void complete(List<Long> ids, String reason) {
        if (!ids.isEmpty()) {
            inbox.complete(ids);
            metrics.counter("mailboard.mail.inbox.skipped", "reason", reason).increment(ids.size());
        }
    }

    private static List<Long> ids(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::id).toList();
    }
}
