package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicUrl publicUrl;

    @Test
    void thePublicUrlCarriesThePortTheServerGot() {
        assertThat(publicUrl.base().getPort()).isEqualTo(port);
        assertThat(publicUrl.resolve("/login")).isEqualTo("http://localhost:" + port + "/login");
    }

    @Test
    void healthProbesArePublic() {
        TestClient anonymous = TestClient.anonymous(port);

        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").body()).contains("UP");
    }

    @Test
    void metricsNeedAnAdmin() {
        HttpResponse<String> anonymous = TestClient.anonymous(port).get("/actuator/prometheus");
        HttpResponse<String> admin = TestClient.signedIn(
                        port, MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD)
                .get("/actuator/prometheus");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
        assertThat(admin.body()).as("Spring Security's observations are off").doesNotContain("spring_security_");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        TestClient admin = TestClient.signedIn(
                port, MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);

        assertThat(admin.get("/actuator/env").statusCode()).isIn(403, 404);
    }

    @Test
    void publishesTheOpenApiDocument() {
        HttpResponse<String> docs = TestClient.anonymous(port).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }
}
