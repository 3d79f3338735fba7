package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import dev.mailboard.app.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Set-up and checks shared by the child-process tests ({@link MailboardProcesses}): a connected and watched
 * sandbox mailbox with a board and a recipe, set up over HTTP, and counts read straight from the schema.
 */
final class ChildMailboardFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ChildMailboardFixtures() {}

    /**
     * The watched mailbox and the board its recipe fills.
     *
     * @param address the mailbox's address
     * @param board the board the recipe fills
     * @param connection the mailbox connection's id
     * @param admin the signed-in admin, a client of the instance the set-up went through
     */
    record Watched(String address, UUID board, String connection, TestClient admin) {}

    /**
     * Signs in as the first admin, connects a sandbox mailbox, and creates a board and a recipe on it; waits
     * until the subscription exists here and at the sandbox.
     *
     * @param publicUrl the public URL the instances were started with (the subscription's notification URL
     *     starts with it)
     */
    static Watched connectAndWatch(
            MailboardProcesses.Child mailboard, SandboxAccounts mail, String schema, String publicUrl) {
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
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionsAt(mail, publicUrl) == 1);
        return new Watched(mailbox.address(), boardId, connection, admin);
    }

    /** How many of the sandbox's subscriptions notify under this public URL. */
    static long subscriptionsAt(SandboxAccounts mail, String publicUrl) {
        return subscriptionsUnder(mail, publicUrl).size();
    }

    /** The sandbox's subscriptions that notify under this public URL. */
    static List<JsonNode> subscriptionsUnder(SandboxAccounts mail, String publicUrl) {
        return mail.subscriptions()
                .valueStream()
                .filter(s -> s.path("notificationUrl").asString().startsWith(publicUrl + "/"))
                .toList();
    }

    /** Delivers this many mails into the mailbox; answers their immutable ids. */
    static List<String> deliver(SandboxAccounts mail, String address, String round, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(mail.deliver(address, "Crash " + round + " " + i).path("id").asString());
        }
        return ids;
    }

    /** How many {@code mail_message} rows these message ids have together. */
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

    static int update(String schema, String sql, Object... params) throws SQLException {
        try (Connection connection = connect(schema);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Drops test schemas; a left-over one is harmless, so failures are ignored. */
    static void dropSchemas(List<String> schemas) {
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

    private static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
    }
}
