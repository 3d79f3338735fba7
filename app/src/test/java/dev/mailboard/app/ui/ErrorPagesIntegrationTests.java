package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers get an HTML error page in the app's frame with a way back; API clients keep problem details. */
@MailboardIntegrationTest
class ErrorPagesIntegrationTests {

    private static final String PASSWORD = "error-pages-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aBrowserGetsAPageWithAWayBackAndAnApiClientProblemDetails() {
        AccountView account =
                accounts.createAccount("Errors " + UUID.randomUUID().toString().substring(0, 6));
        String email = "errors-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        accounts.createUser(new NewUser(account.id(), email, "Erin Errors", Role.MEMBER), PASSWORD);
        TestClient client = TestClient.signedIn(port, email, PASSWORD);

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(client.uri("/no-such-page"))
                .header("Accept", "text/html,application/xhtml+xml")
                .GET());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"en\">", "<title>Page not found · Mailboard</title>", "id=\"logout\"")
                .contains("href=\"/\" class=\"button\" id=\"back-home\"")
                .doesNotContain("No static resource");

        HttpResponse<String> wrongMethod =
                client.send(HttpRequest.newBuilder(client.uri("/boards/" + UUID.randomUUID() + "/columns"))
                        .header("Accept", "text/html")
                        .GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("This address cannot be used that way");

        HttpResponse<String> api = client.send(HttpRequest.newBuilder(client.uri("/api/v1/no-such-thing"))
                .header("Accept", "application/json")
                .GET());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");
    }
}
