package dev.mailboard.app.accounts;

import static dev.mailboard.app.accounts.AccountsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
class TenantIsolationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void anAdminOfAccountAFindsNothingOfAccountB() {
        AccountsTestSupport.Team a = AccountsTestSupport.newTeam(accounts, "Tenant A");
        AccountsTestSupport.Team b = AccountsTestSupport.newTeam(accounts, "Tenant B");
        UserView bMember = AccountsTestSupport.newUser(accounts, b.account().id(), Role.MEMBER);
        TestClient adminA = AccountsTestSupport.signedIn(port, a.admin());
        TestClient adminB = AccountsTestSupport.signedIn(port, b.admin());
        adminB.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"guest\"]}");
        long bEntry = json(adminB.get("/api/v1/audit?size=1"))
                .get("entries")
                .get(0)
                .get("id")
                .asLong();

        // users
        assertNotFound(adminA.get("/api/v1/users/" + bMember.id()));
        assertNotFound(adminA.json("PATCH", "/api/v1/users/" + bMember.id(), "{\"role\":\"admin\"}"));
        assertNotFound(adminA.json("PATCH", "/api/v1/users/" + bMember.id(), "{\"status\":\"deactivated\"}"));
        assertThat(adminA.get("/api/v1/users").body())
                .doesNotContain(bMember.email())
                .doesNotContain(b.admin().email());
        assertThat(adminA.postForm("/users/" + bMember.id() + "/role", Map.of("role", "admin"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(adminA.postForm("/users/" + bMember.id() + "/deactivate", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(adminA.get("/users").body()).doesNotContain(bMember.email());
        assertThat(accounts.findUser(bMember.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);

        // audit log
        assertNotFound(adminA.get("/api/v1/audit/" + bEntry));
        assertThat(adminA.get("/audit/" + bEntry).statusCode()).isEqualTo(404);
        assertThat(adminA.get("/api/v1/audit?size=200").body())
                .doesNotContain(b.admin().email());
        assertThat(adminA.get("/audit").body()).doesNotContain(b.admin().email());

        // settings
        assertNotFound(adminA.get("/api/v1/accounts/" + b.account().id() + "/settings"));
        assertNotFound(adminA.json(
                "PUT", "/api/v1/accounts/" + b.account().id() + "/settings", "{\"integrationCreatorRoles\":[]}"));
        assertThat(adminA.get("/api/v1/accounts/" + a.account().id() + "/settings")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(adminA.get("/api/v1/account/settings")).get("accountId").asString())
                .isEqualTo(a.account().id().toString());
        assertThat(adminA.get("/settings").body())
                .contains(a.account().name())
                .doesNotContain(b.account().name());
        assertThat(accounts.findAccount(b.account().id()).orElseThrow().integrationCreatorRoles())
                .containsExactly(Role.GUEST);
    }

    @Test
    void membersGet403FromAdminPagesAndEndpoints() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Members");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        TestClient client = AccountsTestSupport.signedIn(port, member);

        for (String page : new String[] {"/users", "/settings", "/audit"}) {
            HttpResponse<String> response = client.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).as(page).contains("Only an admin of this account may do this.");
        }
        assertThat(client.postForm("/settings", Map.of("roles", "member")).statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/users/" + team.admin().id() + "/role", Map.of("role", "member"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm(
                                "/users/invitations",
                                Map.of("email", AccountsTestSupport.unique("x"), "displayName", "X", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);

        assertForbidden(client.get("/api/v1/users"));
        assertForbidden(client.get("/api/v1/users/" + team.admin().id()));
        assertForbidden(client.json("PATCH", "/api/v1/users/" + member.id(), "{\"role\":\"admin\"}"));
        assertForbidden(client.json(
                "POST",
                "/api/v1/users/invitations",
                "{\"email\":\"" + AccountsTestSupport.unique("y") + "\",\"displayName\":\"Y\",\"role\":\"admin\"}"));
        assertForbidden(client.get("/api/v1/account/settings"));
        assertForbidden(client.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"member\"]}"));
        assertForbidden(client.get("/api/v1/audit"));

        assertThat(client.get("/tokens").statusCode())
                .as("every user has a tokens page")
                .isEqualTo(200);
        assertThat(client.get("/").body()).contains("href=\"/tokens\"").doesNotContain("href=\"/users\"");
        assertThat(accounts.findUser(member.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(json(response).get("detail").asString()).isNotBlank();
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(json(response).get("detail").asString()).contains("Only an admin");
    }
}
