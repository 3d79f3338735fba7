package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests get RFC 9457 problem details a person can act on, and change nothing. */
@MailboardIntegrationTest
class ApiErrorsIntegrationTests {

    private static final String SETTINGS = "/api/v1/account/settings";

    @LocalServerPort
    int port;

    private TestClient admin;
    private String settingsBefore;

    @BeforeEach
    void signIn() {
        admin = TestClient.signedIn(
                port, MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);
        settingsBefore = admin.get(SETTINGS).body();
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = admin.json("PUT", SETTINGS, "{\"integrationCreatorRoles\": [");

        assertProblem(response, 400, "not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        HttpResponse<String> response = admin.json("PUT", SETTINGS, "{\"integrationCreatorRoles\": 42}");

        assertProblem(response, 400, "'integrationCreatorRoles'");
    }

    @Test
    void anUnknownFieldIsNamed() {
        HttpResponse<String> response =
                admin.json("PUT", SETTINGS, "{\"integrationCreatorRoles\": [\"admin\"], \"colour\": \"blue\"}");

        assertProblem(response, 400, "Unknown field 'colour'");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"integrationCreatorRoles\": [\"" + "a".repeat(2_000_000) + "\"]}";

        HttpResponse<String> response = admin.json("PUT", SETTINGS, huge);

        assertProblem(response, 413, "larger than Mailboard accepts");
    }

    @Test
    void anInvalidValueExplainsWhatIsAllowed() {
        HttpResponse<String> response = admin.json("PUT", SETTINGS, "{\"integrationCreatorRoles\": [\"wizard\"]}");

        assertProblem(response, 400, "use admin, member, viewer or guest");
    }

    @Test
    void anUnknownApiPathIsAProblemToo() {
        HttpResponse<String> response = admin.get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAProblem() {
        HttpResponse<String> response = TestClient.anonymous(port).get(SETTINGS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains(detail)
                .doesNotContain("Exception");
        assertThat(admin.get(SETTINGS).body()).as("nothing changed").isEqualTo(settingsBefore);
    }
}
