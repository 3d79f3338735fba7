package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.mail.graph.GraphMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * S-63 over generated histories: Inbox deliveries whose notifications are dropped, duplicated and reordered,
 * messages moved out before anyone looks, and catch-up rounds publishing what they saw as one batch, with
 * several workers racing on the same messages. Whatever the history, the real publish step
 * ({@link MessageIntake} on the real {@code mail_message} table) yields exactly one committed
 * {@link MailReceived} per Inbox message that a notification or a later catch-up round saw, and none for the
 * others.
 *
 * <p>The drain and catch-up classes themselves are exercised against the sandbox in the integration tests;
 * here a small model stands for their "which ids reach the publish step" part.
 */
class ExactlyOncePropertyTests {

    private static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    private static JdbcDataSource dataSource;
    private static ExecutorService workers;

    /** One step of a history. */
    record Step(Kind kind, int message, int copies) {}

    enum Kind {
        DELIVER_NOTIFIED,
        DELIVER_DROPPED,
        DELIVER_THEN_MOVE,
        CATCH_UP
    }

    @BeforeContainer
    static void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:exactly-once-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        workers = Executors.newFixedThreadPool(4);
    }

    @AfterContainer
    static void stop() {
        workers.shutdownNow();
    }

    @Property(tries = 60)
    void everySeenInboxMessageIsPublishedExactlyOnce(@ForAll("histories") List<Step> history) throws Exception {
        WatchRepository.Watch watch = newWatch();
        Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        MessageIntake intake = intake(published);

        List<String> inbox = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Step step : history) {
            String id = "m" + step.message();
            switch (step.kind()) {
                case DELIVER_NOTIFIED -> {
                    addOnce(inbox, id);
                    for (int i = 0; i < step.copies(); i++) {
                        running.add(workers.submit(
                                () -> intake.publish(watch, found(id), MailReceived.Discovery.NOTIFICATION)));
                    }
                    addOnce(expected, id);
                }
                case DELIVER_DROPPED -> addOnce(inbox, id);
                case DELIVER_THEN_MOVE -> inbox.remove(id);
                case CATCH_UP -> {
                    // A round publishes what it saw together, racing the notifications and other rounds.
                    List<MessageFetch.Found> round = new ArrayList<>();
                    inbox.forEach(seen -> round.add(found(seen)));
                    Collections.shuffle(round);
                    running.add(workers.submit(() -> intake.publishAll(watch, round, MailReceived.Discovery.CATCH_UP)));
                    inbox.forEach(seen -> addOnce(expected, seen));
                }
            }
        }
        for (Future<?> future : running) {
            future.get();
        }

        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(published.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Example
    void aMessageThatCannotBeRecordedHoldsBackNoneOfItsBatch() {
        WatchRepository.Watch watch = newWatch();
        Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        MessageIntake intake = intake(published);
        intake.publish(watch, found("m-known"), MailReceived.Discovery.NOTIFICATION);
        String tooLong = "m-" + "x".repeat(600);

        assertThatThrownBy(() -> intake.publishAll(
                        watch,
                        List.of(found("m-a"), found(tooLong), found("m-known"), found("m-b")),
                        MailReceived.Discovery.CATCH_UP))
                .isInstanceOf(DataAccessException.class);

        assertThat(published.keySet()).containsExactlyInAnyOrder("m-known", "m-a", "m-b");
        assertThat(published.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Example
    void aBatchPublishesWhatIsNewInOneTransaction() {
        WatchRepository.Watch watch = newWatch();
        Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        AtomicInteger commits = new AtomicInteger();
        MessageIntake intake = intake(published, commits);
        intake.publish(watch, found("m-known"), MailReceived.Discovery.NOTIFICATION);
        commits.set(0);

        int count = intake.publishAll(
                watch,
                List.of(found("m-c"), found("m-known"), found("m-a"), found("m-b")),
                MailReceived.Discovery.NOTIFICATION);

        assertThat(count).isEqualTo(3);
        assertThat(commits).hasValue(1);
        assertThat(published.keySet()).containsExactlyInAnyOrder("m-known", "m-a", "m-b", "m-c");
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(1, 3))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    /** An active watch of a new mailbox, since the epoch. */
    private static WatchRepository.Watch newWatch() {
        return new WatchRepository.Watch(
                new ConnectionId(UUID.randomUUID()),
                ACCOUNT,
                Instant.EPOCH,
                WatchRepository.ACTIVE,
                "inbox-folder",
                null);
    }

    private static MessageIntake intake(Map<String, AtomicInteger> published) {
        return intake(published, new AtomicInteger());
    }

    /** The real intake on the test database; counts each committed MailReceived, and each commit. */
    private static MessageIntake intake(Map<String, AtomicInteger> published, AtomicInteger commits) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                commits.incrementAndGet();
            }
        };
        return new MessageIntake(
                new MessageRepository(jdbc),
                event -> {
                    MailReceived mail = (MailReceived) event;
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            published
                                    .computeIfAbsent(mail.messageId(), key -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    });
                },
                transactions,
                new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    private static MessageFetch.Found found(String id) {
        GraphMessage message = new GraphMessage(
                id,
                "inbox-folder",
                "Subject " + id,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Instant.now(),
                null,
                null,
                List.of(),
                null,
                null,
                false,
                "normal",
                false,
                false,
                false);
        return new MessageFetch.Found(message, List.of());
    }

    private static void addOnce(List<String> list, String id) {
        if (!list.contains(id)) {
            list.add(id);
        }
    }
}
