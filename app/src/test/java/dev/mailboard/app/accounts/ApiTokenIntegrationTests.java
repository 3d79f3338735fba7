package dev.mailboard.app.accounts;

import static dev.mailboard.app.accounts.AccountsTestSupport.bearer;
import static dev.mailboard.app.accounts.AccountsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MailboardIntegrationTest
class ApiTokenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aTokenIsShownOnceWorksAsBearerIsListedWithoutItsSecretAndStopsWhenRevoked() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Tokens");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        TestClient session = AccountsTestSupport.signedIn(port, member);

        HttpResponse<String> created = session.json("POST", "/api/v1/me/tokens", "{\"name\":\"backup script\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json(created).get("secret").asString();
        String id = json(created).get("token").get("id").asString();
        assertThat(secret).startsWith("mbt_").hasSizeGreaterThan(40);

        TestClient api = TestClient.anonymous(port);
        HttpResponse<String> me = bearer(api, "GET", "/api/v1/me", secret, "");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(member.email());
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> list = bearer(api, "GET", "/api/v1/me/tokens", secret, "");
        JsonNode token = json(list).get(0);
        assertThat(token.get("name").asString()).isEqualTo("backup script");
        assertThat(token.get("prefix").asString()).startsWith("mbt_");
        assertThat(secret).startsWith(token.get("prefix").asString());
        assertThat(token.get("lastUsedAt").isNull()).isFalse();
        assertThat(list.body()).doesNotContain(secret);
        assertThat(session.get("/tokens").body()).contains("backup script").doesNotContain(secret);

        HttpResponse<String> revoked = bearer(api, "DELETE", "/api/v1/me/tokens/" + id, secret, "");
        assertThat(revoked.statusCode()).isEqualTo(204);

        HttpResponse<String> after = bearer(api, "GET", "/api/v1/me", secret, "");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(after).get("detail").asString()).contains("Bearer");

        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());
        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line).startsWith("api_token.created success backup script"))
                .anySatisfy(line -> assertThat(line).startsWith("api_token.revoked success backup script"))
                .allSatisfy(line -> assertThat(line).doesNotContain(secret));
    }

    @Test
    void unknownTokensOtherSchemesAndMissingCredentialsAnswer401Problems() {
        TestClient api = TestClient.anonymous(port);

        HttpResponse<String> unknown = bearer(api, "GET", "/api/v1/me", "mbt_thisTokenDoesNotExist", "");
        HttpResponse<String> basic = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/me"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4="));
        HttpResponse<String> none = api.get("/api/v1/me");

        for (HttpResponse<String> response : java.util.List.of(unknown, basic, none)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("status").asInt()).isEqualTo(401);
            assertThat(json(response).get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void theTokensPageCreatesShowsOnceAndRevokes() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Token page");
        UserView viewer = AccountsTestSupport.newUser(accounts, team.account().id(), Role.VIEWER);
        TestClient session = AccountsTestSupport.signedIn(port, viewer);

        HttpResponse<String> created = session.postForm("/tokens", Map.of("name", "laptop"));
        assertThat(created.statusCode()).isEqualTo(200);
        String body = created.body();
        int start = body.indexOf("id=\"new-token\">") + "id=\"new-token\">".length();
        String secret = body.substring(start, body.indexOf('<', start));
        assertThat(secret).startsWith("mbt_");
        assertThat(bearer(TestClient.anonymous(port), "GET", "/api/v1/me", secret, "")
                        .statusCode())
                .isEqualTo(200);

        String id = accountsTokenId(session);
        assertThat(session.postForm("/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(session.get("/tokens").body()).contains("You have no active tokens");
        assertThat(bearer(TestClient.anonymous(port), "GET", "/api/v1/me", secret, "")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentListsTheAccountsEndpoints() {
        HttpResponse<String> docs = TestClient.anonymous(port).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/v1/me")
                .contains("/api/v1/me/tokens")
                .contains("/api/v1/users")
                .contains("/api/v1/users/invitations")
                .contains("/api/v1/account/settings")
                .contains("/api/v1/audit");
    }

    private static String accountsTokenId(TestClient session) {
        return json(session.get("/api/v1/me/tokens")).get(0).get("id").asString();
    }
}
