package dev.mailboard.app.accounts;

import static dev.mailboard.app.accounts.AccountsTestSupport.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MailboardIntegrationTest
class LockoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void failuresPauseThenLockSignInAndTheRightPasswordIsRefusedWhileLocked() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Lockout");
        UserView user = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        TestClient client = TestClient.anonymous(port);

        for (int i = 0; i < 2; i++) {
            assertRefused(client, user.email(), "wrong password " + i);
        }
        assertThat(lockedUntil(user.email())).isNull();
        assertRefused(client, user.email(), "wrong password 2");
        assertThat(lockedUntil(user.email())).as("paused after 3 failures").isNotNull();
        assertRefused(client, user.email(), PASSWORD);

        expireLock(user.email());
        assertRefused(client, user.email(), "wrong password 3");
        expireLock(user.email());
        assertRefused(client, user.email(), "wrong password 4");
        assertThat(lockedUntil(user.email()))
                .as("locked for 15 minutes after 5 failures")
                .isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertRefused(client, user.email(), PASSWORD);

        expireLock(user.email());
        assertThat(client.signIn(user.email(), PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(failedLogins(user.email())).as("a success resets the count").isZero();

        TestClient admin = AccountsTestSupport.signedIn(port, team.admin());
        assertThat(AccountsTestSupport.auditLines(admin))
                .anySatisfy(line -> assertThat(line).startsWith("login.failed failure " + user.email()))
                .anySatisfy(line -> assertThat(line).startsWith("login.failed denied " + user.email()))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("login.failed failure " + user.email())
                        .contains("locked until"))
                .anySatisfy(line -> assertThat(line).startsWith("login.succeeded success " + user.email()));
    }

    @Test
    void theAnswerIsTheSameForAnUnknownAddressAWrongPasswordAndALockedUser() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Same answer");
        UserView locked = AccountsTestSupport.newUser(accounts, team.account().id(), Role.VIEWER);
        jdbc.sql("update app_user set locked_until = ?, failed_logins = 5 where email = ?")
                .params(Timestamp.from(Instant.now().plus(Duration.ofMinutes(15))), locked.email())
                .update();

        String unknown = answer(AccountsTestSupport.unique("nobody"), PASSWORD);
        String wrong = answer(team.admin().email(), "not the password at all");
        String lockedAnswer = answer(locked.email(), PASSWORD);

        assertThat(unknown).isEqualTo(wrong).isEqualTo(lockedAnswer);
        assertThat(unknown).contains("That did not work").contains("locked");
    }

    private String answer(String email, String password) {
        TestClient client = TestClient.anonymous(port);
        String location =
                client.signIn(email, password).headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/login?error");
        String page = client.get("/login?error").body();
        int start = page.indexOf("id=\"login-error\"");
        assertThat(start).isPositive();
        return location + " " + page.substring(start, page.indexOf("</p>", start));
    }

    private static void assertRefused(TestClient client, String email, String password) {
        assertThat(client.signIn(email, password).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    private @Nullable Instant lockedUntil(String email) {
        return jdbc.sql("select locked_until from app_user where email = ?")
                .param(email)
                .query((rs, n) -> {
                    Timestamp value = rs.getTimestamp(1);
                    return Optional.ofNullable(value == null ? null : value.toInstant());
                })
                .single()
                .orElse(null);
    }

    private int failedLogins(String email) {
        return jdbc.sql("select failed_logins from app_user where email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    /** Stands in for the clock moving past the pause or lock. */
    private void expireLock(String email) {
        jdbc.sql("update app_user set locked_until = ? where email = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), email)
                .update();
    }
}
