package dev.mailboard.app.mail;

import static dev.mailboard.app.mail.ChildMailboardFixtures.JSON;
import static dev.mailboard.app.mail.ChildMailboardFixtures.connectAndWatch;
import static dev.mailboard.app.mail.ChildMailboardFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.mail.ChildMailboardFixtures.Watched;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #7 with a real crash: Mailboard, a child process, sends an item email and dies right after Graph took
 * the {@code sendMail} and before the send is recorded (failpoint {@link Failpoints#AFTER_SEND_CALL}, a halt
 * as SIGKILL would); restarted, it finds the mail in Sent Items and does not send it again. Once more with a
 * SIGKILL while the mail is queued and not sent (Graph answers 503 until then): restarted, it sends it once.
 * Each time the item shows one "Email sent" update.
 *
 * <p>Runs in the PostgreSQL test run only; needs {@code sandbox/target/mailboard-sandbox-*-exec.jar}.
 */
class MailSendCrashTests extends ChildProcessTest {

    private static final Duration TO_DIE = Duration.ofSeconds(60);

    @Test
    void aSendKilledAfterTheSendCallOrBeforeItGoesOutExactlyOnce() throws SQLException {
        String schema = newSchema();
        Path dataDir = MailboardProcesses.newDataDir();
        int port = MailboardProcesses.freePort();
        SandboxAccounts mail = new SandboxAccounts(sandbox.port());

        // 1. Dies right after the sendMail call went through.
        MailboardProcesses.Child mailboard =
                processes.startMailboard(sandbox, schema, dataDir, Failpoints.AFTER_SEND_CALL, port);
        Watched watched = connectAndWatch(mailboard, mail, schema, mailboard.baseUrl());
        grantSend(watched);
        long firstItem = createItem(watched.admin(), watched.board(), "Order 7 for red widgets");
        UUID firstSend = queueEmail(watched, firstItem, "first-buyer@outside.example", "Your order 7");

        assertThat(mailboard.awaitExit(TO_DIE)).as("exit code at the failpoint").isEqualTo(137);
        assertThat(mailboard.output()).contains("Failpoint " + Failpoints.AFTER_SEND_CALL + " reached");
        assertThat(sentWithSendId(mail, watched.address(), firstSend))
                .as("went out before the crash")
                .hasSize(1);
        assertThat(state(schema, firstSend)).isEqualTo("attempting");

        ageClaimedJobs(schema);
        mailboard = processes.startMailboard(sandbox, schema, dataDir, null, port);
        await().atMost(Duration.ofSeconds(60)).until(() -> "sent".equals(state(schema, firstSend)));
        assertThat(mailboard.output()).contains("Send " + firstSend + " was found in Sent Items; not sent again");
        assertThat(count(schema, "select attempts from mail_send where id = ?", firstSend))
                .as("one send call: the restarted relay found the mail in Sent Items")
                .isEqualTo(1);
        assertThat(sentWithSendId(mail, watched.address(), firstSend)).hasSize(1);
        TestClient admin = admin(mailboard);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentUpdates(admin, firstItem) == 1);

        // 2. Killed with SIGKILL while the mail is queued and Graph refuses it for now.
        long secondItem = createItem(admin, watched.board(), "Order 8 for green widgets");
        UUID secondSend;
        mail.faults(Map.of("rate503", 1.0, "retryAfterSeconds", 1));
        try {
            secondSend = queueEmail(
                    new Watched(watched.address(), watched.board(), watched.connection(), admin),
                    secondItem,
                    "second-buyer@outside.example",
                    "Your order 8");
            UUID queued = secondSend;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(schema, "select attempts from mail_send where id = ?", queued) >= 1);
            mailboard.kill();
        } finally {
            mail.clearFaults();
        }
        assertThat(sentWithSendId(mail, watched.address(), secondSend))
                .as("nothing went out before the kill")
                .isEmpty();
        assertThat(state(schema, secondSend)).isIn("queued", "attempting");

        ageClaimedJobs(schema);
        mailboard = processes.startMailboard(sandbox, schema, dataDir, null, port);
        UUID sent = secondSend;
        await().atMost(Duration.ofSeconds(60)).until(() -> "sent".equals(state(schema, sent)));
        assertThat(sentWithSendId(mail, watched.address(), secondSend)).hasSize(1);
        TestClient again = admin(mailboard);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentUpdates(again, secondItem) == 1);

        // Nothing more went out, and each item keeps one update.
        assertThat(sentWithSendId(mail, watched.address(), firstSend)).hasSize(1);
        assertThat(sentUpdates(again, firstItem)).isEqualTo(1);
        assertThat(sentUpdates(again, secondItem)).isEqualTo(1);
        assertThat(count(
                        schema,
                        "select count(*) from audit_entry where action = 'mail.sent' and detail like ?",
                        "send " + firstSend + "%"))
                .isEqualTo(1);
        assertThat(count(
                        schema,
                        "select count(*) from audit_entry where action = 'mail.sent' and detail like ?",
                        "send " + secondSend + "%"))
                .isEqualTo(1);
        passed();
    }

    /**
     * The job engine (db-scheduler) takes a job claimed by a dead process back once its heartbeat is six
     * intervals (30 s each) old, and looks for such jobs as it starts. Ageing the heartbeats of claimed jobs
     * stands in for those three minutes, so the restarted process takes the interrupted send job at once.
     */
    private static void ageClaimedJobs(String schema) throws SQLException {
        ChildMailboardFixtures.update(
                schema,
                "update scheduled_tasks set last_heartbeat = ? where picked = true",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
    }

    private static TestClient admin(MailboardProcesses.Child mailboard) {
        return TestClient.signedIn(mailboard.port(), MailboardProcesses.ADMIN_EMAIL, MailboardProcesses.ADMIN_PASSWORD);
    }

    /** Asks for Mail.Send on the watched mailbox's connection through the consent page. */
    private static void grantSend(Watched watched) {
        HttpResponse<String> start =
                watched.admin().postForm("/integrations/" + watched.connection() + "/send-permission", Map.of());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        URI callback = SandboxConsent.decide(watched.admin(), authorize, watched.address(), true);
        assertThat(SandboxConsent.callback(watched.admin(), callback).statusCode())
                .isEqualTo(302);
    }

    private static long createItem(TestClient admin, UUID board, String name) {
        HttpResponse<String> created = admin.json(
                "POST", "/api/v1/boards/" + board + "/items", "{\"name\":" + JSON.writeValueAsString(name) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asLong();
    }

    private static UUID queueEmail(Watched watched, long item, String to, String subject) {
        HttpResponse<String> response = watched.admin()
                .json(
                        "POST",
                        "/api/v1/boards/" + watched.board() + "/items/" + item + "/emails",
                        "{\"connectionId\":\"" + watched.connection() + "\",\"to\":[" + JSON.writeValueAsString(to)
                                + "],\"subject\":" + JSON.writeValueAsString(subject)
                                + ",\"body\":\"<p>Hello</p>\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("sendId").asString());
    }

    private static String state(String schema, UUID send) throws SQLException {
        for (String state : List.of("queued", "attempting", "sent", "failed")) {
            if (count(schema, "select count(*) from mail_send where id = ? and state = ?", send, state) == 1) {
                return state;
            }
        }
        throw new AssertionError("no outbox row " + send);
    }

    /** The mails the sandbox mailbox sent that carry this send id in their marker header. */
    private static List<JsonNode> sentWithSendId(SandboxAccounts mail, String address, UUID send) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode sent : mail.sent(address)) {
            for (JsonNode header : sent.path("headers")) {
                if (header.path("name").asString().equalsIgnoreCase(AutomatedMail.MARKER_HEADER)
                        && header.path("value").asString().contains("send=" + send)) {
                    found.add(sent);
                }
            }
        }
        return found;
    }

    /** How many "Email sent" updates the item shows. */
    private static long sentUpdates(TestClient admin, long item) {
        HttpResponse<String> updates = admin.get("/api/v1/items/" + item + "/updates");
        assertThat(updates.statusCode()).as(updates.body()).isEqualTo(200);
        return JSON.readTree(updates.body())
                .valueStream()
                .filter(u -> u.path("body").asString().contains("Email sent to"))
                .count();
    }
}
