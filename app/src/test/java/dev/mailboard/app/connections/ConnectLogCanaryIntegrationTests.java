package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.SecretToken;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * S-42: run every connection flow, successful and failing, and find none of the authorization codes,
 * states, tokens or the client secret in the log, the metrics or any answer, raw, URL-encoded or base64.
 */
@MailboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectLogCanaryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    TokenVault vault;

    @Autowired
    Environment environment;

    @Test
    void noSecretOfAnyFlowReachesLogsMetricsOrAnswers(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        secrets.add(environment.getRequiredProperty("mailboard.sandbox.app.client-secret"));
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());

        // Success, then a replay of the same callback.
        URI good = SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, true);
        Map<String, String> params = TestUsers.query(good);
        secrets.add(params.get("code"));
        secrets.add(params.get("state"));
        answers.add(SandboxConsent.callback(person.client(), good).body());
        answers.add(SandboxConsent.callback(person.client(), good).body());
        answers.add(person.client().get("/integrations").body());
        // Tampered state, and a cancelled consent.
        URI other = SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, true);
        Map<String, String> otherParams = TestUsers.query(other);
        secrets.add(otherParams.get("code"));
        secrets.add(otherParams.get("state"));
        answers.add(person.client()
                .get("/connections/callback/microsoft?code=" + otherParams.get("code") + "&state=x"
                        + otherParams.get("state"))
                .body());
        URI cancelled =
                SandboxConsent.decide(person.client(), SandboxConsent.startConnect(person.client()), mailbox, false);
        secrets.add(TestUsers.query(cancelled).get("state"));
        answers.add(SandboxConsent.callback(person.client(), cancelled).body());
        answers.add(person.client().get("/integrations").body());

        // Refresh, then a revoked grant.
        ConnectionView c = connections.listFor(TestUsers.current(person)).get(0);
        OAuthTokens first = vault.find(c.accountId(), c.id()).orElseThrow().tokens();
        collect(secrets, first);
        ConnectionLifecycleIntegrationTests.expire(vault, c);
        secrets.add(accessTokens.freshToken(c.id()).reveal());
        collect(secrets, vault.find(c.accountId(), c.id()).orElseThrow().tokens());
        person.client().json("POST", "/sandbox/grants/revoke", "{\"address\":\"" + mailbox + "\"}");
        ConnectionLifecycleIntegrationTests.expire(vault, c);
        assertThatThrownBy(() -> accessTokens.freshToken(c.id()))
                .isInstanceOf(ConnectionUnavailableException.class)
                .satisfies(e -> answers.add(String.valueOf(e.getMessage())));
        answers.add(person.client().get("/api/v1/connections").body());
        answers.add(person.client().get("/api/v1/connections/" + c.id()).body());
        answers.add(person.client()
                .json("DELETE", "/api/v1/connections/" + c.id(), "")
                .body());
        answers.add(person.client()
                .json("DELETE", "/api/v1/connections/" + c.id(), "")
                .body());
        answers.add(ConnectionLifecycleIntegrationTests.auditActions(person.client()));
        HttpResponse<String> metrics = person.client().get("/actuator/prometheus");
        answers.add(metrics.body());

        String everything = output.getAll() + String.join("\n", answers);
        assertThat(answers.get(answers.size() - 1)).isNotBlank();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                assertThat(everything)
                        .as("a secret of the connect flows leaked")
                        .doesNotContain(form);
            }
        }
    }

    private static void collect(List<String> secrets, OAuthTokens tokens) {
        secrets.add(tokens.accessToken().reveal());
        SecretToken refresh = tokens.refreshToken();
        if (refresh != null) {
            secrets.add(refresh.reveal());
        }
    }

    static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(
                secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
