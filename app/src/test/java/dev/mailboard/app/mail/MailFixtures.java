package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A connected sandbox mailbox for the mail tests: a fresh account and admin, a mailbox, the real connect flow. */
final class MailFixtures {

    static final String PASSWORD = "a long enough test password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MailFixtures() {}

    /** A connected mailbox. */
    record Mailbox(ConnectionId connection, String address, TestClient client, CurrentUser owner) {}

    static Mailbox connected(Accounts accounts, Connections connections, int port) {
        AccountView account =
                accounts.createAccount("Mail " + UUID.randomUUID().toString().substring(0, 6));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UserView user = accounts.createUser(
                new NewUser(account.id(), "owner-" + suffix + "@example.test", "Owner", Role.ADMIN), PASSWORD);
        TestClient client = TestClient.signedIn(port, user.email(), PASSWORD);
        String address = "inbox-" + suffix + "@sandbox.example.test";
        SandboxConsent.createMailbox(client, address);
        URI authorize = SandboxConsent.startConnect(client);
        URI callback = SandboxConsent.decide(client, authorize, address, true);
        assertThat(SandboxConsent.callback(client, callback).statusCode()).isEqualTo(302);
        CurrentUser owner = new CurrentUser(user.id(), account.id(), user.email(), user.displayName(), user.role());
        ConnectionId connection = connections.listFor(owner).stream()
                .filter(c -> c.mailboxAddress().equals(address))
                .findFirst()
                .orElseThrow()
                .id();
        return new Mailbox(connection, address, client, owner);
    }

    /** Delivers a message to a folder of a mailbox through the sandbox control API; answers its immutable id. */
    static String deliver(Mailbox mailbox, String subject, String folder) {
        String body = JSON.writeValueAsString(Map.of(
                "from",
                Map.of("name", "Sender", "address", "sender@example.test"),
                "to",
                java.util.List.of(mailbox.address()),
                "subject",
                subject,
                "bodyText",
                "Body of " + subject,
                "folder",
                folder));
        HttpResponse<String> response =
                mailbox.client().json("POST", "/sandbox/mailboxes/" + mailbox.address() + "/messages", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    static void move(Mailbox mailbox, String messageId, String folder) {
        HttpResponse<String> response = mailbox.client()
                .json(
                        "POST",
                        "/sandbox/mailboxes/" + mailbox.address() + "/messages/" + messageId + "/move",
                        "{\"folder\":\"" + folder + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static void faults(TestClient client, String json) {
        assertThat(client.json("PUT", "/sandbox/faults", json).statusCode()).isEqualTo(200);
    }

    static void clearFaults(TestClient client) {
        assertThat(client.json("DELETE", "/sandbox/faults", "").statusCode()).isEqualTo(204);
    }

    /** The sandbox's subscriptions on a mailbox's messages. */
    static JsonNode sandboxSubscriptions(TestClient client) {
        HttpResponse<String> response = client.get("/sandbox/subscriptions");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the mailbox has its subscription in the database; answers its id. */
    static String awaitSubscription(SubscriptionRepository subscriptions, ConnectionId connection) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> subscriptions.forConnection(connection), list -> !list.isEmpty())
                .get(0)
                .id();
    }
}
