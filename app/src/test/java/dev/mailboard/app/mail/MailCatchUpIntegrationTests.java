package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.webhooks.NotificationInbox;
import dev.mailboard.app.webhooks.ReceivedNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catch-up against the embedded sandbox: with notifications lost, a delta round still publishes every Inbox
 * message (S-70); with duplicates, replays out of order and an expired delta link, each is published once.
 * Rounds are asked for directly instead of waiting for the schedule.
 */
@MailboardIntegrationTest
class MailCatchUpIntegrationTests {

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
    CatchUp catchUp;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    ReceivedMailLog received;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    JdbcClient jdbc;

    MailFixtures.Mailbox mailbox;
    String subscriptionId;

    @BeforeEach
    void watchAMailbox() {
        mailbox = MailFixtures.connected(accounts, connections, port);
        mailboxes.watch(mailbox.connection(), Instant.now().minusSeconds(60));
        subscriptionId = MailFixtures.awaitSubscription(subscriptions, mailbox.connection());
        await().atMost(Duration.ofSeconds(20)).until(() -> deltaLink() != null);
    }

    @AfterEach
    void clearFaults() {
        MailFixtures.clearFaults(mailbox.client());
    }

    @Test
    void withEveryNotificationDroppedACatchUpRoundPublishesEveryInboxMessage() {
        MailFixtures.faults(mailbox.client(), "{\"dropNotifications\":1}");
        double foundBefore = counter();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subjects.add("Dropped " + i + " " + UUID.randomUUID());
            MailFixtures.deliver(mailbox, subjects.get(i), "inbox");
        }
        MailFixtures.deliver(mailbox, "Junk " + UUID.randomUUID(), "junkemail");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            catchUp.request(mailbox.connection());
            assertThat(received.of(mailbox.connection())).hasSize(3);
        });

        assertThat(received.of(mailbox.connection()))
                .extracting(MailReceived::subject)
                .containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(received.of(mailbox.connection()))
                .allSatisfy(mail -> assertThat(mail.foundBy()).isEqualTo(MailReceived.Discovery.CATCH_UP));
        assertThat(counter()).isGreaterThanOrEqualTo(foundBefore + 3);
    }

    @Test
    void duplicatesReplaysOutOfOrderAndAnExpiredDeltaLinkStillPublishEachMessageOnce() {
        MailFixtures.faults(
                mailbox.client(),
                "{\"dropNotifications\":0.5,\"duplicateNotifications\":0.5,\"delta410\":1,\"seed\":7}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(MailFixtures.deliver(mailbox, "Mixed " + i + " " + UUID.randomUUID(), "inbox"));
        }
        List<String> replayed = new ArrayList<>(ids);
        Collections.reverse(replayed);
        // Late copies of notifications, newest first, as a retrying Graph could deliver them.
        inbox.store(replayed.stream()
                .map(id -> new ReceivedNotification(subscriptionId, "created", null, id, MailSubscriptions.OWNER))
                .toList());
        String linkBefore = deltaLink();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            catchUp.request(mailbox.connection());
            assertThat(received.of(mailbox.connection()))
                    .extracting(MailReceived::messageId)
                    .containsAll(ids);
            assertThat(deltaLink()).isNotEqualTo(linkBefore);
            assertThat(pendingEntries()).isZero();
        });

        assertThat(received.of(mailbox.connection()))
                .extracting(MailReceived::messageId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.sql("select count(*) from mail_message where connection_id = ?")
                        .param(mailbox.connection().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
    }

    private String deltaLink() {
        return jdbc.sql("select delta_link from mail_watch where connection_id = ?")
                .param(mailbox.connection().value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long pendingEntries() {
        return jdbc.sql("select count(*) from notification_inbox where subscription_id = ?")
                .param(subscriptionId)
                .query(Long.class)
                .single();
    }

    private double counter() {
        var counter = metrics.find("mailboard.mail.catch.up.found").counter();
        return counter == null ? 0 : counter.count();
    }
}
