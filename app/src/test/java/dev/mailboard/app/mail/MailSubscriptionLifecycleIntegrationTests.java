package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.ConnectionNeedsReconnect;
import dev.mailboard.app.connections.ConnectionRestored;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.jobs.spi.RecurringJob;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions over their life against the embedded sandbox (S-30, S-31): renewal, Graph's lifecycle events
 * through the sandbox's lifecycle endpoint, the reconciler, unwatch, a connection needing reconnect, and 429
 * with {@code Retry-After}.
 */
@MailboardIntegrationTest
class MailSubscriptionLifecycleIntegrationTests {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    MailSubscriptions verifier;

    @Autowired
    MailQueue jobs;

    @Autowired
    ReceivedMailLog received;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    @Qualifier("mailSubscriptionRenewals")
    RecurringJob renewals;

    MailFixtures.Mailbox mailbox;
    String subscriptionId;

    @BeforeEach
    void watchAMailbox() {
        mailbox = MailFixtures.connected(accounts, connections, port);
        mailboxes.watch(mailbox.connection(), Instant.now().minusSeconds(60));
        subscriptionId = MailFixtures.awaitSubscription(subscriptions, mailbox.connection());
    }

    @AfterEach
    void clearFaults() {
        MailFixtures.clearFaults(mailbox.client());
    }

    @Test
    void renewsASubscriptionOnceLessThanHalfItsLifetimeRemains() {
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        setTimes(soon, Instant.now().minusSeconds(1));

        renewals.run();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> subscriptions.find(subscriptionId).orElseThrow().expiresAt(), at -> at.isAfter(soon));
        SubscriptionRepository.Stored renewed =
                subscriptions.find(subscriptionId).orElseThrow();
        assertThat(renewed.expiresAt()).isAfter(Instant.now().plus(2, ChronoUnit.DAYS));
        Duration lifetime = Duration.between(Instant.now(), renewed.expiresAt());
        assertThat(renewed.renewAt())
                .isBefore(Instant.now().plus(lifetime.dividedBy(2)).plusSeconds(5))
                .isAfter(Instant.now().plus(lifetime.dividedBy(3)));
        assertThat(sandboxExpiry(subscriptionId)).isAfter(soon);
    }

    @Test
    void reauthorizationRequiredRenews() {
        setTimes(FAR, FAR);

        lifecycle(subscriptionId, "reauthorizationRequired");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> subscriptions.find(subscriptionId).orElseThrow().expiresAt(), at -> at.isBefore(FAR));
    }

    @Test
    void subscriptionRemovedRecreatesItAndCatchesUp() {
        lifecycle(subscriptionId, "subscriptionRemoved");
        String subject = "After removal " + UUID.randomUUID();
        MailFixtures.deliver(mailbox, subject, "inbox");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(subscriptions.forConnection(mailbox.connection())))
                    .hasSize(1)
                    .doesNotContain(subscriptionId);
            assertThat(received.of(mailbox.connection(), subject)).hasSize(1);
        });
        assertThat(sandboxIds()).doesNotContain(subscriptionId);
        assertThat(sandboxIds()).containsAll(ids(subscriptions.forConnection(mailbox.connection())));
    }

    @Test
    void missedCatchesUp() {
        MailFixtures.faults(mailbox.client(), "{\"dropNotifications\":1}");
        String subject = "Missed " + UUID.randomUUID();
        MailFixtures.deliver(mailbox, subject, "inbox");
        MailFixtures.clearFaults(mailbox.client());

        lifecycle(subscriptionId, "missed");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(received.of(mailbox.connection(), subject))
                        .singleElement()
                        .satisfies(mail -> assertThat(mail.foundBy()).isEqualTo(MailReceived.Discovery.CATCH_UP)));
    }

    @Test
    void theReconcilerDeletesAnOrphanAndCreatesTheMissingSubscription() {
        // Mailboard lost track of its subscription: Graph still has it, the database does not.
        subscriptions.delete(subscriptionId);

        jobs.enqueue(JobRequest.now(
                new MailCommands.ReconcileSubscriptions(mailbox.connection().value()),
                "reconcile-test:" + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> known = ids(subscriptions.forConnection(mailbox.connection()));
            assertThat(known).hasSize(1).doesNotContain(subscriptionId);
            assertThat(sandboxIds()).doesNotContain(subscriptionId).containsAll(known);
        });
    }

    @Test
    void unwatchDeletesTheSubscriptionAtGraphAndHere() {
        mailboxes.unwatch(mailbox.connection());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(subscriptions.forConnection(mailbox.connection())).isEmpty();
            assertThat(sandboxIds()).doesNotContain(subscriptionId);
        });
        assertThat(mailboxes.isWatched(mailbox.connection())).isFalse();
    }

    @Test
    void disconnectingDeletesTheSubscriptionAtGraphWhileTheTokenStillWorks() {
        connections.disconnect(mailbox.owner(), mailbox.connection());

        assertThat(sandboxIds()).doesNotContain(subscriptionId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(subscriptions.forConnection(mailbox.connection())).isEmpty();
            assertThat(mailboxes.isWatched(mailbox.connection())).isFalse();
        });
    }

    @Test
    void aConnectionNeedingReconnectPausesTheWatchAndItsRestoreCatchesUp() {
        Instant lost = Instant.now();
        publish(new ConnectionNeedsReconnect(
                mailbox.connection(),
                mailbox.owner().accountId(),
                mailbox.owner().userId(),
                lost,
                lost));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> verifier.clientStateHash(subscriptionId).isEmpty());
        String subject = "While paused " + UUID.randomUUID();
        MailFixtures.deliver(mailbox, subject, "inbox");

        publish(new ConnectionRestored(
                mailbox.connection(),
                mailbox.owner().accountId(),
                mailbox.owner().userId(),
                lost,
                Instant.now()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(received.of(mailbox.connection(), subject)).hasSize(1));
        assertThat(verifier.clientStateHash(subscriptionId)).isPresent();
    }

    @Test
    void aThrottledFetchIsRetriedNoSoonerThanItsRetryAfter() {
        MailFixtures.faults(mailbox.client(), "{\"rate429\":1,\"retryAfterSeconds\":4}");
        String subject = "Throttled " + UUID.randomUUID();
        Instant before = Instant.now();
        String id = MailFixtures.deliver(mailbox, subject, "inbox");
        String instance = "FetchMessage:fetch:" + mailbox.connection() + ":" + id;

        // The throttled message moves to a retrying job due no sooner than the Retry-After (S-67).
        Timestamp due = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select execution_time from scheduled_tasks where task_instance = ?")
                                .param(instance)
                                .query(Timestamp.class)
                                .optional()
                                .orElse(null),
                        at -> at != null);
        MailFixtures.clearFaults(mailbox.client());

        assertThat(due.toInstant()).isAfterOrEqualTo(before.plusSeconds(4));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(received.of(mailbox.connection(), subject)).hasSize(1));
        Timestamp recorded = jdbc.sql("select recorded_at from mail_message where connection_id = ? and message_id = ?")
                .params(mailbox.connection().value(), id)
                .query(Timestamp.class)
                .single();
        assertThat(recorded.toInstant()).isAfterOrEqualTo(due.toInstant());
    }

    private void setTimes(Instant expiresAt, Instant renewAt) {
        jdbc.sql("update mail_subscription set expires_at = ?, renew_at = ? where id = ?")
                .params(Timestamp.from(expiresAt), Timestamp.from(renewAt), subscriptionId)
                .update();
    }

    private void lifecycle(String id, String event) {
        assertThat(mailbox.client()
                        .json("POST", "/sandbox/subscriptions/" + id + "/lifecycle", "{\"event\":\"" + event + "\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    private void publish(Object event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
    }

    private Set<String> sandboxIds() {
        return MailFixtures.sandboxSubscriptions(mailbox.client())
                .valueStream()
                .map(s -> s.path("id").asString())
                .collect(Collectors.toSet());
    }

    private Instant sandboxExpiry(String id) {
        return MailFixtures.sandboxSubscriptions(mailbox.client())
                .valueStream()
                .filter(s -> s.path("id").asString().equals(id))
                .map(s -> Instant.parse(s.path("expirationDateTime").asString()))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> ids(List<SubscriptionRepository.Stored> stored) {
        return stored.stream().map(SubscriptionRepository.Stored::id).collect(Collectors.toSet());
    }
}
