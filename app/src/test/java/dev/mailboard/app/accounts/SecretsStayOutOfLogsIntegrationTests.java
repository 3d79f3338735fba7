package dev.mailboard.app.accounts;

import static dev.mailboard.app.accounts.AccountsTestSupport.bearer;
import static dev.mailboard.app.accounts.AccountsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** No password, password hash, invitation token or API token (nor their hashes) reaches the log. */
@MailboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIntegrationTests {

    private static final String INVITEE_PASSWORD = "Invitee+Secret/Password=1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInInvitationAndTokenFlowsLogNoSecret(CapturedOutput output) {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Secrets");
        List<String> secrets = new ArrayList<>(List.of(AccountsTestSupport.PASSWORD, INVITEE_PASSWORD));

        TestClient anonymous = TestClient.anonymous(port);
        anonymous.signIn(team.admin().email(), "Wrong+Password/=guess");
        secrets.add("Wrong+Password/=guess");
        anonymous.signIn(AccountsTestSupport.unique("nobody"), "Unknown+User/=guess");
        secrets.add("Unknown+User/=guess");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        String email = AccountsTestSupport.unique("secret-invitee");
        String invitationToken = AccountsTestSupport.invite(admin, email, "member");
        secrets.add(invitationToken);
        secrets.add(Secrets.sha256(invitationToken));
        AccountsTestSupport.accept(TestClient.anonymous(port), invitationToken, "short");
        AccountsTestSupport.accept(TestClient.anonymous(port), invitationToken, INVITEE_PASSWORD);
        assertThat(TestClient.anonymous(port)
                        .get("/invitations/" + invitationToken)
                        .statusCode())
                .isEqualTo(404);
        TestClient invitee = TestClient.signedIn(port, email, INVITEE_PASSWORD);

        String token = json(invitee.json("POST", "/api/v1/me/tokens", "{\"name\":\"ci\"}"))
                .get("secret")
                .asString();
        secrets.add(token);
        secrets.add(Secrets.sha256(token));
        String tokenId = json(bearer(TestClient.anonymous(port), "GET", "/api/v1/me/tokens", token, ""))
                .get(0)
                .get("id")
                .asString();
        bearer(TestClient.anonymous(port), "DELETE", "/api/v1/me/tokens/" + tokenId, token, "");
        bearer(TestClient.anonymous(port), "GET", "/api/v1/me", token, "");
        bearer(TestClient.anonymous(port), "GET", "/api/v1/me", token + "x", "");

        secrets.add(passwordHash(team.admin().email()));
        secrets.add(passwordHash(email));

        String log = output.getAll();
        assertThat(log).as("the flows did log something").contains("Sign-in failed");
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                assertThat(log).doesNotContain(form);
            }
        }
    }

    private String passwordHash(String email) {
        return jdbc.sql("select password_hash from app_user where email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(
                secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
