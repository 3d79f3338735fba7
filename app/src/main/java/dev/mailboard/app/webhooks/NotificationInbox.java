package dev.mailboard.app.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable inbox of checked notifications: the edge stores them before it answers 202, and the
 * module that owns subscriptions claims, processes and completes them. An entry claimed but not
 * completed (a crash) becomes claimable again when its lease ends, so nothing acknowledged is lost.
 */
@Service
public class NotificationInbox {

    private final InboxRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationInbox(InboxRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores notifications in one transaction and, once it commits, publishes {@link NotificationsStored}.
     *
     * @param notifications checked notifications
     */
    @Transactional
    public void store(List<ReceivedNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        repository.insertAll(notifications, clock.instant());
        NotificationsStored stored = new NotificationsStored(notifications.size());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(stored);
            }
        });
    }

    /**
     * Claims up to {@code max} of an owner's entries for processing, oldest first, skipping those another
     * worker holds.
     *
     * @param owner the module whose subscriptions' entries to claim
     * @param max how many at most
     * @param lease how long the claim holds before the entries become claimable again
     * @return the claimed entries
     */
    @Transactional
    public List<InboxEntry> claim(String owner, int max, Duration lease) {
        return repository.claim(owner, max, clock.instant(), clock.instant().plus(lease));
    }

    /**
     * Keeps claimed entries away from every worker for a while (for example a {@code Retry-After}).
     *
     * @param ids the entries' ids
     * @param delay how long until they are claimable again
     */
    @Transactional
    public void postpone(Collection<Long> ids, Duration delay) {
        repository.postpone(ids, clock.instant().plus(delay));
    }

    /**
     * Removes processed entries.
     *
     * @param ids the entries' ids
     */
    @Transactional
    public void complete(Collection<Long> ids) {
        repository.delete(ids);
    }

    /**
     * Makes claimed entries claimable again at once (for example when their mailbox is throttled).
     *
     * @param ids the entries' ids
     */
    @Transactional
    public void release(Collection<Long> ids) {
        repository.release(ids);
    }

    /**
     * How much waits in the inbox.
     *
     * @return the count and age of pending entries
     */
    @Transactional(readOnly = true)
    public InboxBacklog backlog() {
        return repository.backlog();
    }
}
