package dev.mailboard.app.operations.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
class BareEndpointTests {

    @LocalServerPort
    int port;

    @Test
    void theBenchmarksBareEndpointDoesNotExistByDefault() {
        TestClient admin = TestClient.signedIn(
                port, MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);

        assertThat(admin.json("POST", "/bench/bare", "{\"value\":[]}").statusCode())
                .isEqualTo(404);
        assertThat(TestClient.anonymous(port)
                        .json("POST", "/bench/bare", "{\"value\":[]}")
                        .statusCode())
                .isNotEqualTo(202);
    }
}
