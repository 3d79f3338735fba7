package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import dev.mailboard.app.webhooks.NotificationInbox;
import dev.mailboard.app.webhooks.ReceivedNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail path over real HTTP against the embedded sandbox: watch, subscription, notification, fetch,
 * exactly one {@link MailReceived} per Inbox message, nothing for mail elsewhere or forged notifications.
 */
@MailboardIntegrationTest
class MailIngestIntegrationTests {

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
    }

    @AfterEach
    void clearFaults() {
        MailFixtures.clearFaults(mailbox.client());
    }

    @Test
    void createsOneInboxSubscriptionWithTheLifecycleUrlAndOnlyTheClientStateHash() {
        var atSandbox = MailFixtures.sandboxSubscriptions(mailbox.client())
                .valueStream()
                .filter(s -> s.path("id").asString().equals(subscriptionId))
                .toList();

        assertThat(atSandbox).singleElement().satisfies(s -> {
            assertThat(s.path("resource").asString()).isEqualToIgnoringCase("me/mailFolders('Inbox')/messages");
            assertThat(s.path("changeType").asString()).isEqualTo("created");
            assertThat(s.path("notificationUrl").asString()).endsWith("/webhooks/graph/notifications");
            assertThat(s.path("lifecycleNotificationUrl").asString()).endsWith("/webhooks/graph/lifecycle");
            assertThat(s.path("immutableIds").asBoolean()).isTrue();
        });
        assertThat(subscriptions.find(subscriptionId).orElseThrow().clientStateHash())
                .hasSize(32);
        assertThat(mailboxes.isWatched(mailbox.connection())).isTrue();
    }

    @Test
    void anInboxMessageIsPublishedExactlyOnce() {
        String subject = "Inbox " + UUID.randomUUID();

        String id = MailFixtures.deliver(mailbox, subject, "inbox");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(received.of(mailbox.connection(), subject)).hasSize(1));
        storeEntry(id);
        storeEntry(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingEntries(id) == 0);
        MailReceived mail = received.of(mailbox.connection(), subject).get(0);
        assertThat(received.of(mailbox.connection(), subject)).hasSize(1);
        assertThat(mail.messageId()).isEqualTo(id);
        assertThat(mail.from()).isNotNull();
        assertThat(mail.body()).contains("Body of " + subject);
        assertThat(recordedCount(id)).isEqualTo(1);
    }

    @Test
    void mailInJunkOrMovedOutOfTheInboxBeforeTheFetchIsNeverPublished() {
        MailFixtures.faults(mailbox.client(), "{\"dropNotifications\":1}");
        String junk = MailFixtures.deliver(mailbox, "Junk " + UUID.randomUUID(), "junkemail");
        String moved = MailFixtures.deliver(mailbox, "Moved " + UUID.randomUUID(), "inbox");
        MailFixtures.move(mailbox, moved, "deleteditems");
        double droppedBefore = counter("mailboard.mail.dropped", "reason", "not_in_inbox");

        // As if Graph had notified both while they were in the Inbox.
        storeEntry(junk);
        storeEntry(moved);

        await().atMost(Duration.ofSeconds(20)).until(() -> pendingEntries(junk) + pendingEntries(moved) == 0);
        assertThat(received.of(mailbox.connection()))
                .extracting(MailReceived::messageId)
                .doesNotContain(junk, moved);
        assertThat(recordedCount(junk) + recordedCount(moved)).isZero();
        assertThat(counter("mailboard.mail.dropped", "reason", "not_in_inbox")).isEqualTo(droppedBefore + 2);
    }

    @Test
    void aForgedNotificationIsAcknowledgedCountedAndNeverProcessed() {
        MailFixtures.faults(mailbox.client(), "{\"dropNotifications\":1}");
        String id = MailFixtures.deliver(mailbox, "Forged " + UUID.randomUUID(), "inbox");
        double before = counter("mailboard.webhooks.notifications", "outcome", "client_state_mismatch");

        HttpResponse<String> answer = post(notification(subscriptionId, "not-the-client-state", id));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(counter("mailboard.webhooks.notifications", "outcome", "client_state_mismatch"))
                .isEqualTo(before + 1);
        assertThat(pendingEntries(id)).isZero();
        assertThat(recordedCount(id)).isZero();
        assertThat(received.of(mailbox.connection()))
                .extracting(MailReceived::messageId)
                .doesNotContain(id);
    }

    private void storeEntry(String messageId) {
        inbox.store(
                List.of(new ReceivedNotification(subscriptionId, "created", null, messageId, MailSubscriptions.OWNER)));
    }

    private long pendingEntries(String messageId) {
        return jdbc.sql("select count(*) from notification_inbox where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private long recordedCount(String messageId) {
        return jdbc.sql("select count(*) from mail_message where connection_id = ? and message_id = ?")
                .params(mailbox.connection().value(), messageId)
                .query(Long.class)
                .single();
    }

    private double counter(String name, String tag, String value) {
        var counter = metrics.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> post(String body) {
        TestClient client = TestClient.anonymous(port);
        return client.send(HttpRequest.newBuilder(client.uri("/webhooks/graph/notifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String notification(String subscriptionId, String clientState, String messageId) {
        return "{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                + "\",\"changeType\":\"created\",\"resource\":\"Users/u/Messages/" + messageId
                + "\",\"tenantId\":\"t\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Message\",\"id\":\""
                + messageId + "\"}}]}";
    }

    static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
