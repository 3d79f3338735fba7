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
class AccountSettingsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void adminsReadAndChangeWhoMayCreateIntegrationsThroughTheApi() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Settings");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        HttpResponse<String> initial = admin.get("/api/v1/account/settings");
        assertThat(initial.statusCode()).isEqualTo(200);
        assertThat(json(initial).get("integrationCreatorRoles").toString()).isEqualTo("[\"admin\",\"member\"]");

        HttpResponse<String> changed =
                admin.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"admin\",\"viewer\"]}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("integrationCreatorRoles").toString()).isEqualTo("[\"admin\",\"viewer\"]");

        AccountView account = accounts.findAccount(team.account().id()).orElseThrow();
        assertThat(account.mayCreateIntegrations(Role.VIEWER)).isTrue();
        assertThat(account.mayCreateIntegrations(Role.MEMBER)).isFalse();

        HttpResponse<String> unknownRole =
                admin.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"owner\"]}");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(json(unknownRole).get("detail").asString()).contains("Unknown role 'owner'");

        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("account.permission_changed success who may create integrations")
                        .contains("from admin, member to admin, viewer"));
    }

    @Test
    void theSettingsPageShowsCheckboxesAndSavesThem() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Settings page");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        String page = admin.get("/settings").body();
        assertThat(page).contains("Who may create integrations").contains("id=\"role-guest\"");

        HttpResponse<String> saved = admin.postForm("/settings", Map.of("roles", "guest"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/settings").body()).contains("Saved. Who may create integrations: guest.");
        assertThat(accounts.findAccount(team.account().id()).orElseThrow().integrationCreatorRoles())
                .containsExactly(Role.GUEST);

        admin.postForm("/settings", Map.of());
        assertThat(accounts.findAccount(team.account().id()).orElseThrow().integrationCreatorRoles())
                .isEmpty();
        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line).contains("from guest to nobody"));
    }

    @Test
    void theAuditLogPagesNewestFirst() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Audit paging");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());
        admin.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"admin\"]}");
        admin.json("PUT", "/api/v1/account/settings", "{\"integrationCreatorRoles\":[\"member\"]}");

        HttpResponse<String> first = admin.get("/api/v1/audit?size=1");
        assertThat(json(first).get("hasMore").asBoolean()).isTrue();
        assertThat(json(first).get("entries").get(0).get("detail").asString()).contains("to member");
        long id = json(first).get("entries").get(0).get("id").asLong();
        assertThat(json(admin.get("/api/v1/audit?size=1&page=1"))
                        .get("entries")
                        .get(0)
                        .get("detail")
                        .asString())
                .contains("to admin");
        assertThat(admin.get("/api/v1/audit/" + id).statusCode()).isEqualTo(200);
        assertThat(admin.get("/audit").body()).contains("account.permission_changed");
        assertThat(admin.get("/audit/" + id).body()).contains("to member");
    }
}
