package dev.mailboard.app.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an Inbox message and publishes its {@link MailReceived} in one transaction, only when the insert
 * happened: the unique key on (connection, message) makes every path (notification, catch-up, retry,
 * replay, a second instance) publish a message once (S-27, S-63).
 */
@Component
class MessageIntake {

    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final MeterRegistry metrics;
    private final Clock clock;

    MessageIntake(
            MessageRepository messages,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            MeterRegistry metrics,
            Clock clock) {
        this.messages = messages;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Whether a mail arrived before its mailbox was watched. Graph gives receive times to the second, so the
     * watch's start counts from the beginning of its second: mail in that second is not lost.
     */
    static boolean arrivedBeforeWatch(@Nullable Instant received, WatchRepository.Watch watch) {
        return received != null && received.isBefore(watch.since().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Publishes a message unless it was published before or arrived before the watch began.
     *
     * @return true when this call published it
     */
    boolean publish(WatchRepository.Watch watch, MessageFetch.Found found, MailReceived.Discovery foundBy) {
        Instant received = found.message().receivedDateTime();
        if (arrivedBeforeWatch(received, watch)) {
            metrics.counter("mailboard.mail.dropped", "reason", "before_watch").increment();
            return false;
        }
        Boolean published = transactions.execute(status -> {
            if (!messages.insertIfAbsent(
                    watch.connection(), found.message().id(), received, foundBy, clock.instant())) {
                return false;
            }
            events.publishEvent(ReceivedMail.from(
                    found.message(), watch.connection(), watch.account(), found.attachments(), foundBy));
            return true;
        });
        if (Boolean.TRUE.equals(published)) {
            metrics.counter(
                            "mailboard.mail.received",
                            "found_by",
                            foundBy.name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
            return true;
        }
        return false;
    }
}
