package dev.mailboard.app.mail;

import dev.mailboard.app.connections.AccessTokens;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of a mailbox: watch its Inbox (so that every mail arriving there is published
 * once as {@link MailReceived}), stop watching it, and look at its newest mail for a dry run.
 */
@Service
public class Mailboxes {

    private final Connections connections;
    private final AccessTokens tokens;
    private final GraphClient graph;
    private final WatchRepository watches;
    private final MailQueue jobs;
    private final CatchUp catchUp;
    private final CatchUpProgress catchUpProgress;
    private final Clock clock;

    Mailboxes(
            Connections connections,
            AccessTokens tokens,
            GraphClient graph,
            WatchRepository watches,
            MailQueue jobs,
            CatchUp catchUp,
            CatchUpProgress catchUpProgress,
            Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.graph = graph;
        this.watches = watches;
        this.jobs = jobs;
        this.catchUp = catchUp;
        this.catchUpProgress = catchUpProgress;
        this.clock = clock;
    }

    /**
     * Starts watching a connection's Inbox, in the caller's transaction: a subscription is created, and mail
     * that arrives from {@code since} on is published as {@link MailReceived}. Watching a watched mailbox
     * again changes nothing.
     *
     * @param connection the connection
     * @param since the earliest receive time a catch-up round looks back to
     */
    @Transactional
    public void watch(ConnectionId connection, Instant since) {
        ConnectionView view = connections.find(connection).orElseThrow(() -> removed(connection));
        if (watches.insertIfAbsent(connection, view.accountId(), since, clock.instant())) {
            // Both run after the commit: the subscription, and a first delta round that publishes what
            // arrived since {@code since} and sets the delta link.
            LifecycleEvents.ensure(jobs, connection, false);
            catchUp.request(connection);
        }
    }

    /**
     * Stops watching a connection's Inbox: its subscription is deleted and no more mail is published for it.
     *
     * @param connection the connection
     */
    @Transactional
    public void unwatch(ConnectionId connection) {
        if (watches.delete(connection)) {
            jobs.enqueue(
                    JobRequest.now(new MailCommands.RemoveSubscriptions(connection.value()), "unwatch:" + connection));
        }
    }

    /**
     * Whether a connection's Inbox is watched.
     *
     * @param connection the connection
     * @return true between {@link #watch} and {@link #unwatch}
     */
    @Transactional(readOnly = true)
    public boolean isWatched(ConnectionId connection) {
        return watches.exists(connection);
    }

    /**
     * The newest Inbox mail of a connection, newest first, read now for a dry run. Nothing of it is stored or
     * published, and attachments are not listed.
     *
     * @param connection the connection
     * @param count how many, 1 to 1000
     * @return the mails, as they would be published
     * @throws ConnectionUnavailableException when the connection cannot be used
     * @throws MailboxUnavailableException when Graph refuses or fails
     */
    public List<MailReceived> newestMail(ConnectionId connection, int count) {
        ConnectionView view = connections.find(connection).orElseThrow(() -> removed(connection));
        GraphAccess access = new GraphAccess(
                connection.toString(), tokens.freshToken(connection).reveal());
        try {
            return graph.recentInboxMessages(access, count).stream()
                    .map(message -> ReceivedMail.from(
                            message, connection, view.accountId(), List.of(), MailReceived.Discovery.NOTIFICATION))
                    .toList();
        } catch (GraphException e) {
            throw new MailboxUnavailableException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * How far the catch-up round over a mailbox's Inbox has got, while one runs in this instance.
     *
     * @param connection the connection
     * @return the pages and emails checked so far, or empty when no round is running here
     */
    public Optional<CatchUpStatus> catchUpRunning(ConnectionId connection) {
        return catchUpProgress.running(connection);
    }

    private static ConnectionUnavailableException removed(ConnectionId connection) {
        return new ConnectionUnavailableException(
                connection, ConnectionUnavailableException.Reason.REMOVED, "There is no such connection.");
    }
}
