package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The connect flow over HTTP against the embedded sandbox, and callbacks that must make no token request. */
@MailboardIntegrationTest
class ConnectFlowIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TokenEndpoint tokenEndpoint;

    @Autowired
    Connections connections;

    @Autowired
    JdbcClient jdbc;

    @Test
    void connectsTheSandboxMailboxShowsItsScopesAndKeepsNothingOfTheCheckedMessage() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        String subject = "Canary subject " + UUID.randomUUID();
        String delivered = SandboxConsent.deliver(person.client(), mailbox, subject);

        HttpResponse<String> done = ConnectTestSupport.connect(person.client(), mailbox);

        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/integrations");
        HttpResponse<String> integrations = person.client().get("/integrations");
        assertThat(integrations.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://localhost:" + port);
        String page = integrations.body();
        assertThat(page).contains("Connected " + mailbox).contains("Mail.Read").contains("User.Read");
        ConnectionView connection =
                connections.listFor(TestUsers.current(person)).get(0);
        assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connection.mailboxAddress()).isEqualTo(mailbox);
        assertThat(connection.scopes())
                .contains("Mail.Read", "User.Read", "offline_access")
                .doesNotContain("Mail.Send");

        List<String> messageValues =
                List.of(subject, "body of " + subject, idOf(delivered, "id"), idOf(delivered, "restId"));
        assertThat(TextColumns.containing(jdbc, messageValues)).isEmpty();
    }

    @Test
    void cancelOnTheConsentPageShowsAClearMessage() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        long before = tokenEndpoint.requestCount();

        URI callback =
                SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, false);
        HttpResponse<String> response = SandboxConsent.callback(person.client(), callback);

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/integrations");
        assertThat(ConnectTestSupport.integrationsPage(person.client()))
                .contains("You cancelled the consent at Microsoft");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(before);
        assertThat(connections.listFor(TestUsers.current(person))).isEmpty();
    }

    @Test
    void theCallbackAnswerIsNotCachedAndLeaksNoReferrer() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        HttpResponse<String> response = person.client().get("/connections/callback/microsoft?state=x&code=y");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void refusesMissingTamperedReusedForeignAndWrongIssuerCallbacksWithoutATokenRequest() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        URI good = SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, true);
        Map<String, String> params = TestUsers.query(good);
        long before = tokenEndpoint.requestCount();

        String path = "/connections/callback/microsoft?code=" + params.get("code");
        assertRefused(person.client(), path);
        assertRefused(person.client(), path + "&state=" + params.get("state") + "x");
        assertRefused(person.client(), path + "&state=" + "A".repeat(43));
        // Another browser session of the same user.
        TestClient otherSession = TestClient.signedIn(port, person.user().email(), ConnectTestSupport.PASSWORD);
        assertRefused(otherSession, path + "&state=" + params.get("state"));
        // A callback naming a foreign issuer (RFC 9207 mix-up).
        URI second =
                SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, true);
        assertRefused(
                person.client(), second.getRawPath() + "?" + second.getRawQuery() + "&iss=https%3A%2F%2Fevil.example");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(before);

        // The good one works once; its replay is refused without a token request.
        HttpResponse<String> ok = SandboxConsent.callback(person.client(), good);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(tokenEndpoint.requestCount()).isEqualTo(before + 1);
        assertThat(person.client().get("/integrations").body()).contains("Connected " + mailbox);
        assertRefused(person.client(), good.getRawPath() + "?" + good.getRawQuery());
        assertThat(tokenEndpoint.requestCount()).isEqualTo(before + 1);
    }

    private static void assertRefused(TestClient client, String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(client.get("/integrations").body()).contains("role=\"alert\"");
    }

    private static String idOf(String json, String field) {
        return dev.mailboard.app.connections.TestUsers.jsonField(json, field);
    }
}
