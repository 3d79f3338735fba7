package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class StartupReportTests {

    private static final String PASSWORD = "Generated-Password-123";

    @TempDir
    Path dataDir;

    @Test
    void theReadyLineNamesTheUrlAndTheSandboxPage() {
        StartupReport report = report(new MockEnvironment().withProperty("mailboard.sandbox.enabled", "true"));

        assertThat(report.readyLine())
                .startsWith("Mailboard is ready at http://localhost:8080/")
                .contains("the Microsoft sandbox (mailboxes, test mail) is at http://localhost:8080/sandbox");
        assertThat(report(new MockEnvironment()).readyLine()).doesNotContain("sandbox");
    }

    @Test
    void whileThePasswordFileExistsTheSignInLineNamesTheAdminAndTheFileButNotThePassword() throws IOException {
        Path file = dataDir.resolve("admin-password.txt");
        Files.writeString(file, "admin@example.test\n" + PASSWORD + "\n");

        String line = report(environment(file)).signInLine();

        assertThat(line)
                .startsWith("Sign in as admin@example.test; the first password is in ")
                .contains(file.toAbsolutePath().normalize().toString())
                .doesNotContain(PASSWORD);
    }

    @Test
    void onceThePasswordFileIsGoneTheSignInLineNamesOnlyTheAdmin() {
        Path file = dataDir.resolve("admin-password.txt");

        String line = report(environment(file)).signInLine();

        assertThat(line)
                .isEqualTo("Sign in as admin@example.test with the admin password")
                .doesNotContain("admin-password.txt");
    }

    private MockEnvironment environment(Path file) {
        return new MockEnvironment()
                .withProperty("mailboard.accounts.admin-email", "admin@example.test")
                .withProperty("mailboard.accounts.admin-password-file", file.toString());
    }

    private StartupReport report(MockEnvironment environment) {
        return new StartupReport(new ServiceProperties(dataDir, URI.create("http://localhost:8080/")), environment);
    }
}
