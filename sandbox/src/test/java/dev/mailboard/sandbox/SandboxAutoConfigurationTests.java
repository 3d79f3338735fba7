package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

class SandboxAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(SecurityFilterChain.class));

    @Test
    void staysOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SandboxClock.class));
        runner.withPropertyValues("mailboard.sandbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SandboxClock.class));
    }

    @Test
    void registersTheSandboxWhenEnabledWithoutSecurityOnTheClasspath() {
        runner.withPropertyValues("mailboard.sandbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SandboxClock.class);
            assertThat(context).hasSingleBean(SandboxProperties.class);
            assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
        });
    }
}
