package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import dev.mailboard.app.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-64: Mailboard runs as a child process against PostgreSQL and the standalone sandbox, dies at each named
 * point of the drain (between the inbox insert and the completion) and once by SIGKILL at an arbitrary
 * moment, is restarted on the same database, and every delivered message ends up recorded once, run by the
 * recipe once and turned into one item, with nothing left in the inbox.
 *
 * <p>Runs in the PostgreSQL test run only; needs {@code sandbox/target/mailboard-sandbox-*-exec.jar}.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailCrashRecoveryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PER_ROUND = 3;
    private static final Duration TO_DIE = Duration.ofSeconds(90);

    private MailboardProcesses processes;
    private MailboardProcesses.Child sandbox;
    private final List<String> schemas = new ArrayList<>();
    private boolean failed;

    @BeforeAll
    void startTheSandbox() {
        processes = MailboardProcesses.prepare();
        sandbox = processes.startSandbox();
    }

    @AfterAll
    void stopEverything() {
        if (processes != null) {
            processes.close();
        }
        if (!failed) {
            dropSchemas();
        }
    }

    @Test
    void everyMessageIsProcessedExactlyOnceAcrossCrashesAtEachFailpointAndAKill() throws SQLException {
        String schema = MailboardProcesses.newSchema();
        schemas.add(schema);
        // A failed run keeps its schema for a look; a passing one drops it.
        failed = true;
        Path dataDir = MailboardProcesses.newDataDir();
        int port = MailboardProcesses.freePort();
        SandboxAccounts mail = new SandboxAccounts(sandbox.port());
        List<String> delivered = new ArrayList<>();

        // Set up while the first failpoint is armed: nothing is drained before mail arrives.
        MailboardProcesses.Child mailboard =
                processes.startMailboard(sandbox, schema, dataDir, Failpoints.AFTER_CLAIM, port);
        Watched watched = connectAndWatch(mailboard, mail, schema);

        for (String failpoint : List.of(Failpoints.AFTER_CLAIM, Failpoints.AFTER_FETCH, Failpoints.AFTER_RECORD)) {
            if (!failpoint.equals(Failpoints.AFTER_CLAIM)) {
                mailboard = processes.startMailboard(sandbox, schema, dataDir, failpoint, port);
            }
            delivered.addAll(deliver(mail, watched.address(), failpoint));
            int exit = mailboard.awaitExit(TO_DIE);
            assertThat(exit).as("exit code after %s", failpoint).isEqualTo(137);
            assertThat(mailboard.output()).contains("Failpoint " + failpoint + " reached");
        }

        // No failpoint: killed with SIGKILL once the first message of this round is recorded.
        mailboard = processes.startMailboard(sandbox, schema, dataDir, null, port);
        List<String> lastRound = deliver(mail, watched.address(), "kill");
        delivered.addAll(lastRound);
        await().atMost(TO_DIE).until(() -> recorded(schema, lastRound) > 0);
        mailboard.kill();

        // Restarted for good: everything is caught up, once.
        processes.startMailboard(sandbox, schema, dataDir, null, port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(count(schema, "select count(*) from notification_inbox"))
                            .as("inbox entries left")
                            .isZero();
                    assertThat(recorded(schema, delivered)).isEqualTo(delivered.size());
                    assertThat(count(schema, "select count(*) from recipe_run"))
                            .as("recipe runs")
                            .isEqualTo(delivered.size());
                });

        assertThat(count(schema, "select count(*) from mail_message")).isEqualTo(delivered.size());
        for (String id : delivered) {
            assertThat(count(schema, "select count(*) from mail_message where message_id = ?", id))
                    .as("records of %s", id)
                    .isEqualTo(1);
            assertThat(count(
                            schema, "select count(*) from recipe_run where message_id = ? and outcome = 'created'", id))
                    .as("runs of %s", id)
                    .isEqualTo(1);
        }
        assertThat(count(schema, "select count(*) from item where board_id = ?", watched.board()))
                .as("items on the board")
                .isEqualTo(delivered.size());
        failed = false;
    }

    /** The watched mailbox and the board its recipe fills. */
    record Watched(String address, UUID board) {}

    /** Signs in as the first admin, connects a sandbox mailbox, and creates a board and a recipe on it. */
    static Watched connectAndWatch(MailboardProcesses.Child mailboard, SandboxAccounts mail, String schema) {
        SandboxAccounts.Mailbox mailbox = mail.createMailbox("crash");
        TestClient admin = TestClient.signedIn(
                mailboard.port(), MailboardProcesses.ADMIN_EMAIL, MailboardProcesses.ADMIN_PASSWORD);
        URI authorize = SandboxConsent.startConnect(admin);
        URI callback = SandboxConsent.decide(admin, authorize, mailbox.address(), true);
        assertThat(SandboxConsent.callback(admin, callback).statusCode()).isEqualTo(302);
        HttpResponse<String> connections = admin.get("/api/v1/connections");
        assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
        String connection = JSON.readTree(connections.body()).get(0).path("id").asString();

        HttpResponse<String> board = admin.json("POST", "/api/v1/boards", "{\"name\":\"Crash test\"}");
        assertThat(board.statusCode()).as(board.body()).isEqualTo(201);
        UUID boardId = UUID.fromString(JSON.readTree(board.body()).path("id").asString());
        HttpResponse<String> recipe = admin.json(
                "POST",
                "/api/v1/recipes",
                "{\"name\":\"Everything\",\"boardId\":\"" + boardId + "\",\"connectionId\":\"" + connection + "\"}");
        assertThat(recipe.statusCode()).as(recipe.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(schema, "select count(*) from mail_subscription") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionsAt(mail, mailboard.port()) == 1);
        return new Watched(mailbox.address(), boardId);
    }

    static long subscriptionsAt(SandboxAccounts mail, int port) {
        JsonNode all = mail.subscriptions();
        return all.valueStream()
                .filter(s -> s.path("notificationUrl").asString().startsWith("http://localhost:" + port + "/"))
                .count();
    }

    static List<String> deliver(SandboxAccounts mail, String address, String round) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PER_ROUND; i++) {
            ids.add(mail.deliver(address, "Crash " + round + " " + i).path("id").asString());
        }
        return ids;
    }

    static long recorded(String schema, List<String> ids) throws SQLException {
        long total = 0;
        for (String id : ids) {
            total += count(schema, "select count(*) from mail_message where message_id = ?", id);
        }
        return total;
    }

    static long count(String schema, String sql, Object... params) throws SQLException {
        try (Connection connection = connect(schema);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
    }

    private void dropSchemas() {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        } catch (SQLException e) {
            // A left-over test schema is harmless.
        }
    }
}
