package dev.mailboard.app.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable inbox of checked notifications: the edge stores them before it answers 202, and the
 * module that owns subscriptions claims, processes and completes them. An entry claimed but not
 * completed (a crash) becomes claimable again when its lease ends, so nothing acknowledged is lost.
 */
@Service
public class NotificationInbox implements DisposableBean {

    /** How long a request waits for its commit: Graph gives up on an answer after about 10 seconds. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    /** Commits under way at once: enough that a request rarely waits for more than the commit before it. */
    private static final int WRITERS = 3;

    private final InboxRepository repository;
    private final GroupCommit group;
    private final Clock clock;

    NotificationInbox(
            InboxRepository repository,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.clock = clock;
        TransactionTemplate write = new TransactionTemplate(transactions);
        write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.group = new GroupCommit(
                notifications ->
                        write.executeWithoutResult(status -> repository.insertAll(notifications, clock.instant())),
                count -> events.publishEvent(new NotificationsStored(count)),
                STORE_TIMEOUT,
                WRITERS);
    }

    /**
     * Stores notifications and answers once they are committed; then publishes {@link NotificationsStored}.
     * The notifications of requests arriving together share one transaction ({@link GroupCommit}).
     *
     * @param notifications checked notifications
     * @throws org.springframework.dao.DataAccessException when they could not be stored
     */
    public void store(List<ReceivedNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        group.store(notifications);
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

    @Override
    public void destroy() {
        group.close();
    }
}
