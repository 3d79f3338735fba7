package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobHandler;
import dev.mailboard.app.jobs.spi.JobOutcome;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail module's job handlers. Each loads what it needs, calls Graph outside any transaction, and maps
 * failures with {@link JobOutcomes}: a {@code Retry-After} is honoured, a connection needing reconnect ends
 * the job (a catch-up follows the reconnect).
 */
@Configuration(proxyBeanMethods = false)
class MailJobs {

    @Bean
    JobHandler<MailCommands.DrainInbox> drainInboxJob(InboxDrain drain, MailQueue jobs, MailProperties properties) {
        return handler(MailCommands.DrainInbox.class, (command, attempt) -> {
            if (drain.drainOnce() >= properties.drainBatchSize()) {
                jobs.enqueue(MailCommands.DrainInbox.request());
            }
            return JobOutcome.done();
        });
    }

    @Bean
    JobHandler<MailCommands.FetchMessage> fetchMessageJob(
            WatchRepository watches, MailboxAccess access, MessageFetch fetch, MessageIntake intake) {
        return handler(MailCommands.FetchMessage.class, (command, attempt) -> {
            ConnectionId connection = new ConnectionId(command.connection());
            Optional<WatchRepository.Watch> watch = watches.find(connection).filter(WatchRepository.Watch::isActive);
            if (watch.isEmpty()) {
                return JobOutcome.done();
            }
            return withAccess(access, connection, graph -> {
                String inbox = fetch.inboxFolderId(watch.get(), graph);
                MessageFetch.Fetched fetched = fetch.fetch(graph, inbox, List.of(command.messageId()));
                for (Map.Entry<String, GraphException> failure :
                        fetched.failed().entrySet()) {
                    throw failure.getValue();
                }
                fetched.inInbox().forEach(found -> intake.publish(watch.get(), found, command.foundBy()));
            });
        });
    }

    @Bean
    JobHandler<MailCommands.EnsureSubscription> ensureSubscriptionJob(
            MailSubscriptions subscriptions, MailboxAccess access, CatchUp catchUp) {
        return handler(MailCommands.EnsureSubscription.class, (command, attempt) -> {
            ConnectionId connection = new ConnectionId(command.connection());
            return withAccess(access, connection, graph -> {
                subscriptions.ensure(connection, graph);
                if (command.catchUpAfter()) {
                    catchUp.request(connection);
                }
            });
        });
    }

    @Bean
    JobHandler<MailCommands.ReconcileSubscriptions> reconcileSubscriptionsJob(
            MailSubscriptions subscriptions, WatchRepository watches, MailboxAccess access) {
        return handler(MailCommands.ReconcileSubscriptions.class, (command, attempt) -> {
            ConnectionId connection = new ConnectionId(command.connection());
            if (watches.find(connection).filter(WatchRepository.Watch::isActive).isEmpty()) {
                return JobOutcome.done();
            }
            return withAccess(access, connection, graph -> subscriptions.reconcile(connection, graph));
        });
    }

    @Bean
    JobHandler<MailCommands.RenewSubscription> renewSubscriptionJob(
            MailSubscriptions subscriptions, SubscriptionRepository stored, MailboxAccess access) {
        return handler(MailCommands.RenewSubscription.class, (command, attempt) -> {
            Optional<SubscriptionRepository.Stored> subscription = stored.find(command.subscriptionId());
            if (subscription.isEmpty()) {
                return JobOutcome.done();
            }
            return withAccess(
                    access,
                    subscription.get().connection(),
                    graph -> subscriptions.renew(command.subscriptionId(), graph));
        });
    }

    @Bean
    JobHandler<MailCommands.RemoveSubscriptions> removeSubscriptionsJob(
            MailSubscriptions subscriptions, WatchRepository watches, MailboxAccess access) {
        return handler(MailCommands.RemoveSubscriptions.class, (command, attempt) -> {
            ConnectionId connection = new ConnectionId(command.connection());
            if (watches.exists(connection)) {
                return JobOutcome.done();
            }
            try {
                subscriptions.remove(connection, access.open(connection));
            } catch (ConnectionUnavailableException e) {
                subscriptions.forget(connection);
            }
            return JobOutcome.done();
        });
    }

    @Bean
    JobHandler<MailCommands.CatchUpMailbox> catchUpMailboxJob(
            CatchUp catchUp, WatchRepository watches, MailboxAccess access) {
        return handler(MailCommands.CatchUpMailbox.class, (command, attempt) -> {
            ConnectionId connection = new ConnectionId(command.connection());
            Optional<WatchRepository.Watch> watch = watches.find(connection).filter(WatchRepository.Watch::isActive);
            if (watch.isEmpty()) {
                return JobOutcome.done();
            }
            return withAccess(access, connection, graph -> catchUp.run(watch.get(), graph));
        });
    }

    /** Work that needs a mailbox's Graph access. */
    @FunctionalInterface
    interface GraphWork {
        void run(GraphAccess access);
    }

    private static JobOutcome withAccess(MailboxAccess access, ConnectionId connection, GraphWork work) {
        try {
            work.run(access.open(connection));
            return JobOutcome.done();
        } catch (ConnectionUnavailableException e) {
            return JobOutcomes.of(e);
        } catch (GraphException e) {
            return JobOutcomes.of(e);
        }
    }

    /** A job handler made of a command type and a function. */
    @FunctionalInterface
    interface Body<T> {
        JobOutcome handle(T command, JobAttempt attempt);
    }

    private static <T extends Record> JobHandler<T> handler(Class<T> type, Body<T> body) {
        return new JobHandler<>() {
            @Override
            public Class<T> commandType() {
                return type;
            }

            @Override
            public JobOutcome handle(T command, JobAttempt attempt) {
                return body.handle(command, attempt);
            }
        };
    }
}
