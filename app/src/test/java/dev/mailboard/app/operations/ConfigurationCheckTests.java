package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class ConfigurationCheckTests {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(CheckOnly.class);

    @Test
    void acceptsAnHttpsPublicUrlAndAWritableDataDirectory() {
        runner.withPropertyValues("mailboard.public-url=https://mail.example.com", "mailboard.data-dir=" + dataDir)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesAPublicUrlThatIsNotHttpNamingTheVariableAndTheFix() {
        runner.withPropertyValues("mailboard.public-url=ftp://mail.example.com", "mailboard.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyse(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("MAILBOARD_PUBLIC_URL")
                            .contains("ftp://");
                    assertThat(analysis.getAction()).contains("https://");
                });
    }

    @Test
    void withMicrosoftConfiguredThePublicUrlMustBeHttps() {
        String microsoft = "mailboard.connections.microsoft.client-id=00000000-0000-0000-0000-000000000001";
        runner.withPropertyValues(
                        "mailboard.public-url=http://mail.example.com", "mailboard.data-dir=" + dataDir, microsoft)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyse(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("MAILBOARD_PUBLIC_URL")
                            .contains("only to https");
                    assertThat(analysis.getAction()).contains("reverse proxy");
                });
        runner.withPropertyValues(
                        "mailboard.public-url=https://mail.example.com", "mailboard.data-dir=" + dataDir, microsoft)
                .run(context -> assertThat(context).hasNotFailed());
        // the sandbox (no Microsoft app) is happy with plain http on a developer's machine
        runner.withPropertyValues("mailboard.public-url=http://localhost:8080", "mailboard.data-dir=" + dataDir)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesADataDirectoryThatCannotBeCreated() throws Exception {
        Path file = Files.createFile(dataDir.resolve("a-file"));
        runner.withPropertyValues(
                        "mailboard.public-url=http://localhost:8080", "mailboard.data-dir=" + file.resolve("x"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analyse(context.getStartupFailure()).getDescription())
                            .contains("MAILBOARD_DATA_DIR");
                });
    }

    private static FailureAnalysis analyse(Throwable failure) {
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceProperties.class)
    @Import(ConfigurationCheck.class)
    static class CheckOnly {}
}
