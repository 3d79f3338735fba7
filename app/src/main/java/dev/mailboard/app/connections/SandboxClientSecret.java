package dev.mailboard.app.connections;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In sandbox mode without a configured Microsoft client or sandbox secret, gives the embedded sandbox's
 * app registration a fresh random client secret for this run and lets Mailboard use the same one, so both
 * sides match without the secret ever being written down or logged. A new run gets a new secret; issued
 * grants do not depend on it.
 */
class SandboxClientSecret implements EnvironmentPostProcessor {

    static final String SECRET_PROPERTY = "mailboard.sandbox.app.client-secret";
    private static final String SOURCE = "mailboardSandboxClientSecret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean sandbox = environment.getProperty("mailboard.sandbox.enabled", Boolean.class, false);
        String microsoftClient = environment.getProperty("mailboard.connections.microsoft.client-id", "");
        String configured = environment.getProperty(SECRET_PROPERTY, "");
        if (!sandbox || !microsoftClient.isBlank() || !configured.isBlank()) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(SECRET_PROPERTY, secret)));
    }
}
