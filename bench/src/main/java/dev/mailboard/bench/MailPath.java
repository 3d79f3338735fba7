package dev.mailboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole mail path set up as a user would: Mailboard on PostgreSQL with its embedded sandbox, a sandbox
 * mailbox connected through the consent page, a board, and a recipe "every Inbox mail creates an item"
 * switched on. Mail goes in through the sandbox's control API; items are read from the database.
 */
final class MailPath implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    final MailboardProcess mailboard;
    final Postgres db;
    final String mailbox;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private UUID boardId = new UUID(0, 0);

    private MailPath(MailboardProcess mailboard, Postgres db, String mailbox) {
        this.mailboard = mailboard;
        this.db = db;
        this.mailbox = mailbox;
    }

    /** Starts Mailboard with the given extra JVM options and sets the path up. */
    static MailPath start(String scenario, List<String> jvmOptions) throws Exception {
        Postgres db = Postgres.createSchema(scenario);
        List<String> options = new ArrayList<>(jvmOptions);
        // the bench measures Mailboard, not Outlook's per-mailbox limits
        options.add("-Dmailboard.sandbox.throttle.enabled=false");
        MailboardProcess mailboard =
                MailboardProcess.startMailboard(new MailboardProcess.Options(db, false, true, false, options));
        MailPath path = new MailPath(
                mailboard, db, "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.test");
        try {
            mailboard.awaitReady("/actuator/health/readiness", Duration.ofMinutes(3));
            path.setUp();
            return path;
        } catch (Exception e) {
            path.close();
            throw e;
        }
    }

    private void setUp() throws Exception {
        HttpResponse<String> created =
                post("/sandbox/mailboxes", "{\"address\":\"" + mailbox + "\",\"displayName\":\"Bench mailbox\"}");
        check(created, 201, "creating the sandbox mailbox");
        // the host name Mailboard's public URL uses, so that the session cookie follows the OAuth redirects
        URI base = mailboard.uri("/");
        BrowserlessSession user = new BrowserlessSession(URI.create("http://localhost:" + base.getPort() + "/"));
        user.signIn(MailboardProcess.ADMIN_EMAIL, mailboard.adminPassword());
        user.connectSandboxMailbox(mailbox);
        HttpResponse<String> connections = user.get("/api/v1/connections");
        if (!connections.body().contains(mailbox)) {
            throw new IllegalStateException(
                    "The mailbox is not connected: /api/v1/connections answered HTTP " + connections.statusCode());
        }
        String connectionId = firstId(connections.body(), "connection");
        HttpResponse<String> board = user.json("POST", "/api/v1/boards", "{\"name\":\"Bench inbox\"}");
        check(board, 201, "creating the board");
        boardId = UUID.fromString(firstId(board.body(), "board"));
        HttpResponse<String> recipe = user.json(
                "POST",
                "/api/v1/recipes",
                "{\"name\":\"Every mail\",\"boardId\":\"" + boardId + "\",\"connectionId\":\"" + connectionId + "\"}");
        check(recipe, 201, "creating the recipe");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!mailboard.get("/sandbox/subscriptions").body().contains("\"id\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No subscription was created within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** Delivers one mail into the Inbox; answers when the sandbox accepted it. */
    void deliver(String subject) throws IOException, InterruptedException {
        HttpResponse<String> response = post(
                "/sandbox/mailboxes/" + mailbox + "/messages",
                "{\"from\":{\"name\":\"Customer\",\"address\":\"customer@example.test\"},\"to\":[\"" + mailbox
                        + "\"],\"subject\":\"" + subject + "\",\"bodyText\":\"Hello, this is " + subject + ".\"}");
        check(response, 201, "delivering a mail");
    }

    /** Sets sandbox faults, for example {@code {"dropNotifications":1.0}}. */
    void faults(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send("PUT", "/sandbox/faults", json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Setting sandbox faults failed: HTTP " + response.statusCode());
        }
    }

    /** How many items the board has. */
    private int itemCount(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from item where board_id = ?")) {
            query.setObject(1, boardId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** When each item was created, by its name. */
    Map<String, Instant> itemTimes() throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection connection = db.connect();
                PreparedStatement query =
                        connection.prepareStatement("select name, created_at from item where board_id = ?")) {
            query.setObject(1, boardId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.merge(rows.getString(1), rows.getTimestamp(2).toInstant(), (a, b) -> a);
                }
            }
        }
        return times;
    }

    /** Waits until the board has at least {@code count} items, or the timeout passes; answers the count. */
    int awaitItems(int count, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // one connection for the whole wait: a new one every 50 ms would cost PostgreSQL a process each time
        try (Connection connection = db.connect()) {
            int now = itemCount(connection);
            while (now < count && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                now = itemCount(connection);
            }
            return now;
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(mailboard.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " failed: HTTP " + response.statusCode());
        }
    }

    private static String firstId(String json, String what) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("No " + what + " id in the answer");
        }
        return id.group(1);
    }

    URI base() {
        return mailboard.uri("/");
    }

    @Override
    public void close() throws Exception {
        try {
            mailboard.close();
        } finally {
            db.close();
        }
    }
}
