package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class StandaloneApplicationTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsStateAcrossARestart() throws Exception {
        String messageId;
        try (var first = start()) {
            var http = http(first);
            String empty = http.get("/sandbox").body();
            assertThat(empty)
                    .as("without a mailbox the page starts with creating one, and fits a phone")
                    .contains("There is no mailbox yet", "Create a mailbox", "name=\"viewport\"")
                    .doesNotContain("Compose a mail");
            assertThat(http.post(
                                    "/sandbox/mailboxes",
                                    SandboxHttp.json(Map.of("address", "keep@sandbox.test", "displayName", "Keep Me")))
                            .status())
                    .isEqualTo(201);
            messageId = http.post(
                            "/sandbox/mailboxes/keep@sandbox.test/messages",
                            SandboxHttp.json(Map.of(
                                    "from",
                                    Map.of("name", "Ann", "address", "ann@example.com"),
                                    "subject",
                                    "Persisted",
                                    "bodyText",
                                    "still here")))
                    .json()
                    .path("id")
                    .asString();
        }
        assertThat(dataDir.resolve("state.json")).exists();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("signing-key.jwk")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("client-secret")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var second = start()) {
            var http = http(second);
            assertThat(http.get("/sandbox/mailboxes").body()).contains("keep@sandbox.test");
            var messages =
                    http.get("/sandbox/mailboxes/keep@sandbox.test/messages").json();
            assertThat(messages.get(0).path("id").asString()).isEqualTo(messageId);
            assertThat(messages.get(0).path("subject").asString()).isEqualTo("Persisted");
            String page = http.get("/sandbox").body();
            assertThat(page).contains("keep@sandbox.test", "Compose");
            assertThat(page.indexOf("Compose a mail")).isLessThan(page.indexOf("Create a mailbox"));
        }
    }

    private ConfigurableApplicationContext start() {
        return SandboxApplication.application()
                .run("--server.port=0", "--mailboard.sandbox.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static SandboxHttp http(ConfigurableApplicationContext context) {
        var port = java.util.Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer())
                .getPort();
        return new SandboxHttp("http://localhost:" + port);
    }
}
