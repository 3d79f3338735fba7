package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionDisconnecting;
import dev.mailboard.app.connections.ConnectionNeedsReconnect;
import dev.mailboard.app.connections.ConnectionRemoved;
import dev.mailboard.app.connections.ConnectionRestored;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.webhooks.NotificationsStored;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the mail module does when others report something: stored notifications start a drain; a connection
 * that needs reconnecting pauses its watch (no Graph calls), a restored one resumes, repairs its subscription
 * and catches up; a removed one loses its watch and subscriptions.
 */
@Component
class MailEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailEvents.class);

    private final MailQueue jobs;
    private final WatchRepository watches;
    private final MailSubscriptions subscriptions;
    private final CatchUp catchUp;
    private final MailboxAccess access;
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final ExecutorService enqueuer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-drain-enqueuer");
        thread.setDaemon(true);
        return thread;
    });

    MailEvents(
            MailQueue jobs,
            WatchRepository watches,
            MailSubscriptions subscriptions,
            CatchUp catchUp,
            MailboxAccess access) {
        this.access = access;
        this.jobs = jobs;
        this.watches = watches;
        this.subscriptions = subscriptions;
        this.catchUp = catchUp;
    }

    /**
     * Runs on the webhook's thread after its commit, so it only hands off: one thread enqueues a drain job,
     * and stored batches arriving meanwhile share the next one (S-22: no extra database work per request).
     */
    @EventListener
    void on(NotificationsStored stored) {
        if (drainRequested.compareAndSet(false, true)) {
            enqueuer.execute(this::enqueueDrain);
        }
    }

    private void enqueueDrain() {
        drainRequested.set(false);
        try {
            jobs.enqueue(MailCommands.DrainInbox.request());
        } catch (DataAccessException e) {
            // The entries are stored; the sweep picks them up.
            log.warn("Could not enqueue an inbox drain: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        enqueuer.shutdown();
    }

    @ApplicationModuleListener
    void on(ConnectionNeedsReconnect event) {
        if (watches.setStatus(event.connectionId(), WatchRepository.PAUSED)) {
            log.info("Watch of connection {} paused until it is reconnected", event.connectionId());
        }
    }

    @ApplicationModuleListener
    void on(ConnectionRestored event) {
        if (!watches.exists(event.connectionId())) {
            return;
        }
        watches.setStatus(event.connectionId(), WatchRepository.ACTIVE);
        log.info("Watch of connection {} resumed; catching up from {}", event.connectionId(), event.accessLostAt());
        jobs.enqueue(JobRequest.now(
                new MailCommands.ReconcileSubscriptions(event.connectionId().value()),
                "reconcile:" + event.connectionId()));
        catchUp.request(event.connectionId());
    }

    /**
     * Deletes the connection's subscriptions at Graph while its token still works (S-18); best effort: a
     * subscription that cannot be deleted now expires by itself, and its notifications are dropped as
     * unknown once the connection is gone.
     */
    @EventListener
    void on(ConnectionDisconnecting event) {
        if (subscriptions.forConnectionCount(event.connectionId()) == 0) {
            return;
        }
        try {
            subscriptions.remove(event.connectionId(), access.open(event.connectionId()));
            log.info("Deleted the subscriptions of connection {} before disconnecting it", event.connectionId());
        } catch (RuntimeException e) {
            log.info(
                    "Could not delete the subscriptions of connection {} at Graph ({}); they expire by themselves",
                    event.connectionId(),
                    e.getClass().getSimpleName());
        }
    }

    @ApplicationModuleListener
    void on(ConnectionRemoved event) {
        subscriptions.forget(event.connectionId());
        watches.delete(event.connectionId());
    }
}
