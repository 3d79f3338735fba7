package dev.mailboard.app.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Lets the notifications of requests that arrive together share one transaction (a group commit). Each
 * caller hands its notifications to a few writer threads and waits until the transaction that holds them
 * has committed, so an answer of 202 still means "stored". Under load one commit carries every request that
 * arrived while the writers were busy; a request alone pays a thread hand-off. When a shared transaction fails,
 * each of its requests is tried again alone, so that one bad request cannot fail the others.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** The most requests one transaction carries. */
    static final int MAX_REQUESTS = 200;

    private final Consumer<List<ReceivedNotification>> write;
    private final IntConsumer committed;
    private final Duration timeout;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param write stores notifications in one transaction, or throws
     * @param committed told how many notifications a commit stored, after it
     * @param timeout how long a caller waits for its commit
     * @param writers how many commits may be under way at once
     */
    GroupCommit(Consumer<List<ReceivedNotification>> write, IntConsumer committed, Duration timeout, int writers) {
        this.write = write;
        this.committed = committed;
        this.timeout = timeout;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::run, "webhook-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    /** Stores the notifications; answers once they are committed, or throws a {@code DataAccessException}. */
    void store(List<ReceivedNotification> notifications) {
        if (!open) {
            throw new DataAccessResourceFailureException("The notification store is shutting down");
        }
        Request request = new Request(notifications);
        queue.add(request);
        try {
            request.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new DataAccessResourceFailureException("Storing notifications failed", e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("The notifications were not stored within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted while storing notifications", e);
        }
    }

    /** How many requests wait for the next commit. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        while (open) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<Request> group = new ArrayList<>();
                    group.add(first);
                    queue.drainTo(group, MAX_REQUESTS - 1);
                    commit(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("The webhook group commit failed unexpectedly: {}", e.toString());
            }
        }
        failWaiting();
    }

    private void commit(List<Request> group) {
        try {
            write.accept(notifications(group));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
                return;
            }
            group.forEach(request -> commit(List.of(request)));
            return;
        }
        group.forEach(request -> request.done.complete(null));
        committed.accept(group.stream().mapToInt(r -> r.notifications.size()).sum());
    }

    private static List<ReceivedNotification> notifications(List<Request> group) {
        if (group.size() == 1) {
            return group.get(0).notifications;
        }
        List<ReceivedNotification> all = new ArrayList<>();
        group.forEach(request -> all.addAll(request.notifications));
        return all;
    }

    private void failWaiting() {
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(request -> request.done.completeExceptionally(
                new DataAccessResourceFailureException("The notification store is shutting down")));
    }

    /**
     * Stops taking requests after the group being written, within about a second; those still waiting are
     * told the store is unavailable (Graph retries them).
     */
    @Override
    public void close() {
        open = false;
        try {
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }

    private static final class Request {

        final List<ReceivedNotification> notifications;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Request(List<ReceivedNotification> notifications) {
            this.notifications = notifications;
        }
    }
}
