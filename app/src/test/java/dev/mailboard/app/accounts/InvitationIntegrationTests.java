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
class InvitationIntegrationTests {

    private static final String CHOSEN = "my own chosen password";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void anInvitedUserAppearsAsInvitedSetsAPasswordOnceAndSignsIn() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Invite");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());
        String email = AccountsTestSupport.unique("invitee");

        String token = AccountsTestSupport.invite(admin, email, "viewer");

        assertThat(admin.get("/users").body()).contains(email).contains("invited");
        TestClient invitee = TestClient.anonymous(port);
        assertThat(invitee.get("/invitations/" + token).body()).contains(email).contains("at least 12 characters");

        HttpResponse<String> weak = AccountsTestSupport.accept(invitee, token, "too short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Choose a password of at least 12 characters.");

        HttpResponse<String> accepted = AccountsTestSupport.accept(invitee, token, CHOSEN);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/invitations/accepted"));

        HttpResponse<String> reused = TestClient.anonymous(port).get("/invitations/" + token);
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.body()).contains("This invitation link is not valid");

        TestClient signedIn = TestClient.signedIn(port, email, CHOSEN);
        assertThat(json(signedIn.get("/api/v1/me")).get("role").asString()).isEqualTo("viewer");
        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line).startsWith("user.invited success " + email))
                .anySatisfy(line -> assertThat(line).startsWith("invitation.accepted success " + email));
    }

    @Test
    void unknownInvitationLinksAndTakenAddressesAreRefusedClearly() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Invite errors");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        HttpResponse<String> unknown = TestClient.anonymous(port).get("/invitations/not-a-real-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invitation link is not valid");

        HttpResponse<String> taken = admin.json(
                "POST",
                "/api/v1/users/invitations",
                "{\"email\":\"" + team.admin().email() + "\",\"displayName\":\"Again\",\"role\":\"member\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).get("detail").asString()).contains("already exists");

        HttpResponse<String> badRole = admin.json(
                "POST",
                "/api/v1/users/invitations",
                "{\"email\":\"x@example.test\",\"displayName\":\"X\",\"role\":\"boss\"}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(json(badRole).get("detail").asString()).contains("use admin, member, viewer or guest");
    }

    @Test
    void theInviteFormOnTheUsersPageShowsTheLinkOnce() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Invite page");
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());
        String email = AccountsTestSupport.unique("paged");

        HttpResponse<String> page = admin.postForm(
                "/users/invitations", Map.of("email", email, "displayName", "Paged Person", "role", "member"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"invitation-link\"").contains("/invitations/");
        assertThat(admin.get("/users").body()).doesNotContain("id=\"invitation-link\"");
    }

    @Test
    void adminsChangeRolesButNeverDemoteTheLastAdmin() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Roles");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        HttpResponse<String> lastAdmin =
                admin.json("PATCH", "/api/v1/users/" + team.admin().id(), "{\"role\":\"member\"}");
        assertThat(lastAdmin.statusCode()).isEqualTo(409);
        assertThat(json(lastAdmin).get("detail").asString()).contains("last admin");

        HttpResponse<String> promoted = admin.json("PATCH", "/api/v1/users/" + member.id(), "{\"role\":\"admin\"}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(json(promoted).get("role").asString()).isEqualTo("admin");

        HttpResponse<String> demotedViaPage =
                admin.postForm("/users/" + team.admin().id() + "/role", Map.of("role", "guest"));
        assertThat(demotedViaPage.statusCode()).isEqualTo(302);
        assertThat(accounts.findUser(team.admin().id()).orElseThrow().role()).isEqualTo(Role.GUEST);

        TestClient newAdmin = AccountsTestSupport.signedIn(port, member);
        newAdmin.postForm("/users/" + member.id() + "/role", Map.of("role", "member"));
        assertThat(newAdmin.get("/users").body()).contains("is the last admin of this account");
        assertThat(accounts.findUser(member.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);

        assertThat(admin.get("/api/v1/users").statusCode())
                .as("a demoted admin loses admin rights at once, even in an open session")
                .isEqualTo(403);
        assertThat(AccountsTestSupport.auditLines(newAdmin))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("user.role_changed success " + member.email())
                        .contains("from member to admin"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("user.role_changed success " + team.admin().email())
                        .contains("from admin to guest"));
    }

    @Test
    void aDeactivatedUserCanNoLongerSignIn() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Deactivate");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());

        HttpResponse<String> self =
                admin.json("PATCH", "/api/v1/users/" + team.admin().id(), "{\"status\":\"deactivated\"}");
        assertThat(self.statusCode()).isEqualTo(409);

        HttpResponse<String> response =
                admin.json("PATCH", "/api/v1/users/" + member.id(), "{\"status\":\"deactivated\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("deactivated");

        assertThat(TestClient.anonymous(port)
                        .signIn(member.email(), AccountsTestSupport.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line).startsWith("user.deactivated success " + member.email()));
    }
}
