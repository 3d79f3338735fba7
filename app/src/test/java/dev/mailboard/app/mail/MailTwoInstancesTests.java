package dev.mailboard.app.mail;

import static dev.mailboard.app.mail.ChildMailboardFixtures.connectAndWatch;
import static dev.mailboard.app.mail.ChildMailboardFixtures.count;
import static dev.mailboard.app.mail.ChildMailboardFixtures.deliver;
import static dev.mailboard.app.mail.ChildMailboardFixtures.recorded;
import static dev.mailboard.app.mail.ChildMailboardFixtures.subscriptionsUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.mail.ChildMailboardFixtures.Watched;
import dev.mailboard.app.testing.SandboxAccounts;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two Mailboard processes on one PostgreSQL schema (sharing the data directory, so the same token keyset),
 * behind a round-robin forwarder that is the public URL their subscription notifies. The sandbox delivers
 * some notification batches twice, so one notification often reaches both instances. Every message is
 * recorded once, run by the recipe once and turned into one item, both instances took notifications, and a
 * subscription made due for renewal is renewed once at the sandbox per time it is due.
 *
 * <p>Runs in the PostgreSQL test run only; needs {@code sandbox/target/mailboard-sandbox-*-exec.jar}.
 */
class MailTwoInstancesTests extends ChildProcessTest {

    private static final int MAILS = 30;
    private static final int RENEWAL_ROUNDS = 3;

    @Test
    void twoInstancesProcessEachMessageOnceAndRenewEachSubscriptionOnce() throws SQLException {
        String schema = newSchema();
        Path dataDir = MailboardProcesses.newDataDir();
        int first = MailboardProcesses.freePort();
        int second = MailboardProcesses.freePort();
        SandboxAccounts mail = new SandboxAccounts(sandbox.port());
        List<String> settings = List.of("--mailboard.mail.renew-check-interval=1s");

        try (WebhookForwarder forwarder = WebhookForwarder.start(List.of(first, second))) {
            // The first start creates the schema and the keyset; the second finds both.
            MailboardProcesses.Child one =
                    processes.startMailboard(sandbox, schema, dataDir, null, first, forwarder.url(), settings);
            MailboardProcesses.Child two =
                    processes.startMailboard(sandbox, schema, dataDir, null, second, forwarder.url(), settings);
            Watched watched = connectAndWatch(one, mail, schema, forwarder.url());

            mail.faults(Map.of("duplicateNotifications", 0.5, "seed", 42));
            List<String> delivered;
            try {
                delivered = deliver(mail, watched.address(), "two", MAILS);
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            assertThat(recorded(schema, delivered)).isEqualTo(delivered.size());
                            assertThat(count(schema, "select count(*) from recipe_run"))
                                    .as("recipe runs")
                                    .isEqualTo(delivered.size());
                            assertThat(count(schema, "select count(*) from notification_inbox"))
                                    .as("inbox entries left")
                                    .isZero();
                        });
            } finally {
                mail.clearFaults();
            }

            assertThat(count(schema, "select count(*) from mail_message")).isEqualTo(delivered.size());
            for (String id : delivered) {
                assertThat(count(schema, "select count(*) from mail_message where message_id = ?", id))
                        .as("records of %s", id)
                        .isEqualTo(1);
                assertThat(count(
                                schema,
                                "select count(*) from recipe_run where message_id = ? and outcome = 'created'",
                                id))
                        .as("runs of %s", id)
                        .isEqualTo(1);
                assertThat(count(
                                schema,
                                "select count(*) from item i join recipe_run r on r.item_id = i.id"
                                        + " where r.message_id = ? and i.board_id = ?",
                                id,
                                watched.board()))
                        .as("items of %s", id)
                        .isEqualTo(1);
            }
            assertThat(count(schema, "select count(*) from item where board_id = ?", watched.board()))
                    .as("items on the board")
                    .isEqualTo(delivered.size());
            assertThat(forwarder.answered(first, 202))
                    .as("notification POSTs the first instance took: %s", forwarder.answers())
                    .isPositive();
            assertThat(forwarder.answered(second, 202))
                    .as("notification POSTs the second instance took: %s", forwarder.answers())
                    .isPositive();
            assertThat(reachedBoth(forwarder.accepted()))
                    .as("messages whose notification both instances accepted (a batch sent twice)")
                    .isNotEmpty();

            // Renewal: made due by hand (3 days of lifetime would make it due in a day and a half); both
            // instances look for due subscriptions every second.
            List<JsonNode> atSandbox = subscriptionsUnder(mail, forwarder.url());
            assertThat(atSandbox).hasSize(1);
            String subscription = atSandbox.get(0).path("id").asString();
            assertThat(renewals(mail, subscription)).isZero();
            for (int round = 1; round <= RENEWAL_ROUNDS; round++) {
                int expected = round;
                assertThat(ChildMailboardFixtures.update(
                                schema,
                                "update mail_subscription set renew_at = ? where id = ?",
                                Timestamp.from(Instant.now().minusSeconds(1)),
                                subscription))
                        .isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> renewals(mail, subscription) >= expected);
                // Several checks of both instances later, still renewed once for this round.
                await().during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> renewals(mail, subscription) == expected);
                assertThat(count(
                                schema,
                                "select count(*) from mail_subscription where id = ? and renew_at > ?",
                                subscription,
                                Timestamp.from(Instant.now().plus(Duration.ofHours(12)))))
                        .as("the next renewal is far off again")
                        .isEqualTo(1);
            }
            assertThat(one.process().isAlive()).as("the first instance runs").isTrue();
            assertThat(two.process().isAlive()).as("the second instance runs").isTrue();
            assertThat(subscriptionsUnder(mail, forwarder.url())).hasSize(1);
            assertThat(count(schema, "select count(*) from mail_subscription")).isEqualTo(1);
        }
        passed();
    }

    private static int renewals(SandboxAccounts mail, String subscription) {
        for (JsonNode s : mail.subscriptions()) {
            if (s.path("id").asString().equals(subscription)) {
                return s.path("renewals").asInt();
            }
        }
        throw new AssertionError("subscription " + subscription + " is gone at the sandbox");
    }

    /** Ids of messages whose notifications were accepted by more than one instance. */
    private static Set<String> reachedBoth(List<WebhookForwarder.Accepted> accepted) {
        Map<String, Set<Integer>> ports = new HashMap<>();
        for (WebhookForwarder.Accepted post : accepted) {
            for (JsonNode notification :
                    ChildMailboardFixtures.JSON.readTree(post.body()).path("value")) {
                String id = notification.path("resourceData").path("id").asString();
                ports.computeIfAbsent(id, k -> new HashSet<>()).add(post.port());
            }
        }
        Set<String> both = new HashSet<>();
        ports.forEach((id, at) -> {
            if (at.size() > 1) {
                both.add(id);
            }
        });
        return both;
    }
}
