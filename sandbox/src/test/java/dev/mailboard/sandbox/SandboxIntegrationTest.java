package dev.mailboard.sandbox;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one shared Spring context of the integration tests: the sandbox on a random port, in memory. */
@SpringBootTest(
        classes = SandboxApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mailboard.sandbox.enabled=true",
            "mailboard.sandbox.notification-retry-initial-delay=200ms",
            "mailboard.sandbox.notification-timeout=3s"
        })
abstract class SandboxIntegrationTest {

    static final String MAIL_SCOPES = "openid profile offline_access User.Read Mail.Read Mail.Send";

    @LocalServerPort
    int port;

    SandboxHttp http;
    OAuthFlow oauth;

    @BeforeEach
    void connect() {
        http = new SandboxHttp("http://localhost:" + port);
        oauth = new OAuthFlow(http);
        oauth.registerApp();
    }

    static String uniqueAddress(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.onmicrosoft.test";
    }

    /** The sandbox's current time (tests share one context, and some of them advance its clock). */
    java.time.Instant sandboxNow() {
        return java.time.Instant.parse(http.post("/sandbox/clock/advance", "{\"seconds\":0}")
                .json()
                .path("now")
                .asString());
    }

    String bearer(String token) {
        return "Bearer " + token;
    }

    /** Puts a message into a mailbox through the control API and answers its immutable id. */
    String deliver(String address, String subject) {
        var answer = http.post(
                "/sandbox/mailboxes/" + address + "/messages",
                SandboxHttp.json(java.util.Map.of(
                        "from", java.util.Map.of("name", "Alice Customer", "address", "alice@example.com"),
                        "to", java.util.List.of(address),
                        "subject", subject,
                        "bodyHtml", "<p>Hello <b>there</b></p>",
                        "headers", java.util.Map.of("X-Ticket", "T-1"))));
        org.assertj.core.api.Assertions.assertThat(answer.status())
                .as(answer.body())
                .isEqualTo(201);
        return answer.json().path("id").asString();
    }
}
