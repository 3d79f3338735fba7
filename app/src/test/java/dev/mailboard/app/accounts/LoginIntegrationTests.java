package dev.mailboard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
class LoginIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void firstAdminSignsInAndSeesTheHomePage() {
        TestClient client = TestClient.signedIn(
                port, MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);

        HttpResponse<String> home = client.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Administrator").contains("Sign out");
    }

    @Test
    void wrongPasswordSendsTheUserBackWithAClearMessage() {
        TestClient client = TestClient.anonymous(port);

        HttpResponse<String> response = client.signIn(MailboardIntegrationTest.ADMIN_EMAIL, "not-the-password");

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(client.get("/login?error").body()).contains("That did not work");
    }

    @Test
    void pagesRequireSignInAndCarrySecurityHeaders() {
        HttpResponse<String> home = TestClient.anonymous(port).get("/");
        HttpResponse<String> login = TestClient.anonymous(port).get("/login");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
    }
}
