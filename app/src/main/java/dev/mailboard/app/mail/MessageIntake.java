package dev.mailboard.app.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an Inbox message and publishes its {@link MailReceived} in the same transaction, only when the insert
 * happened: the unique key on (connection, message) makes every path (notification, catch-up, retry,
 * replay, a second instance) publish a message once (S-27, S-63).
 */
@Component
class MessageIntake {

    /** How many messages share one transaction at most. */
    static final int CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

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
        if (beforeWatch(watch, found)) {
            return false;
        }
        boolean published = Boolean.TRUE.equals(transactions.execute(status -> record(watch, found, foundBy)));
        counted(foundBy, published ? 1 : 0);
        return published;
    }

    /**
     * Publishes several messages of one mailbox as {@link #publish} does each, with one commit for every
     * {@value #CHUNK} of them instead of one per message: a drained batch or a catch-up round costs the
     * database a few transactions, not one per mail. The messages are recorded in the order of their ids, so
     * that two workers recording overlapping batches wait for each other instead of deadlocking. When a
     * chunk's transaction fails, each of its messages is published in a transaction of its own, so that one
     * message that cannot be recorded holds back none of the others; the first such failure is then thrown.
     *
     * @return how many messages this call published
     */
    int publishAll(WatchRepository.Watch watch, List<MessageFetch.Found> found, MailReceived.Discovery foundBy) {
        List<MessageFetch.Found> wanted = found.stream()
                .filter(each -> !beforeWatch(watch, each))
                .sorted(Comparator.comparing(
                        (MessageFetch.Found each) -> each.message().id()))
                .toList();
        int published = 0;
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            published += publishChunk(watch, wanted.subList(from, Math.min(wanted.size(), from + CHUNK)), foundBy);
        }
        return published;
    }

    private int publishChunk(
            WatchRepository.Watch watch, List<MessageFetch.Found> chunk, MailReceived.Discovery foundBy) {
        int published;
        try {
            Integer recorded = transactions.execute(status -> {
                int count = 0;
                for (MessageFetch.Found each : chunk) {
                    count += record(watch, each, foundBy) ? 1 : 0;
                }
                return count;
            });
            published = recorded == null ? 0 : recorded;
        } catch (RuntimeException e) {
            log.warn(
                    "Recording {} messages of connection {} in one transaction failed ({}); recording each alone",
                    chunk.size(),
                    watch.connection(),
                    e.getClass().getSimpleName());
            return publishEach(watch, chunk, foundBy);
        }
        counted(foundBy, published);
        return published;
    }

    private int publishEach(
            WatchRepository.Watch watch, List<MessageFetch.Found> chunk, MailReceived.Discovery foundBy) {
        int published = 0;
        RuntimeException first = null;
        for (MessageFetch.Found each : chunk) {
            try {
                published += publish(watch, each, foundBy) ? 1 : 0;
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return published;
    }

    /** Records the message and publishes its event in the caller's transaction, unless it is recorded already. */
    private boolean record(WatchRepository.Watch watch, MessageFetch.Found found, MailReceived.Discovery foundBy) {
        if (!messages.insertIfAbsent(
                watch.connection(),
                found.message().id(),
                found.message().receivedDateTime(),
                foundBy,
                clock.instant())) {
            return false;
        }
        events.publishEvent(
                ReceivedMail.from(found.message(), watch.connection(), watch.account(), found.attachments(), foundBy));
        return true;
    }

    private boolean beforeWatch(WatchRepository.Watch watch, MessageFetch.Found found) {
        if (arrivedBeforeWatch(found.message().receivedDateTime(), watch)) {
            metrics.counter("mailboard.mail.dropped", "reason", "before_watch").increment();
            return true;
        }
        return false;
    }

    private void counted(MailReceived.Discovery foundBy, int published) {
        if (published > 0) {
            metrics.counter(
                            "mailboard.mail.received",
                            "found_by",
                            foundBy.name().toLowerCase(Locale.ROOT))
                    .increment(published);
        }
    }
}
