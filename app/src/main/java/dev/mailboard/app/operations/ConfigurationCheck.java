package dev.mailboard.app.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Checks the shared settings before anything else uses them, so that a mistake stops start-up early. */
@Component
class ConfigurationCheck implements InitializingBean {

    /** Set when Mailboard talks to Microsoft itself rather than to the sandbox. */
    static final String MICROSOFT_CLIENT_ID = "mailboard.connections.microsoft.client-id";

    private final ServiceProperties properties;
    private final Environment environment;

    ConfigurationCheck(ServiceProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        checkPublicUrl();
        checkDataDir();
    }

    private void checkPublicUrl() {
        String scheme = properties.publicUrl().getScheme();
        boolean web = scheme != null
                && ("http".equals(scheme.toLowerCase(Locale.ROOT)) || "https".equals(scheme.toLowerCase(Locale.ROOT)));
        if (!web || properties.publicUrl().getHost() == null) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_PUBLIC_URL",
                    "'" + properties.publicUrl() + "' is not an absolute http(s) URL",
                    "Set it to the address users reach Mailboard at, for example https://mailboard.example.com");
        }
        if (properties.publicUrl().getQuery() != null || properties.publicUrl().getFragment() != null) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_PUBLIC_URL",
                    "'" + properties.publicUrl() + "' has a query or fragment",
                    "Give only scheme, host, optional port and optional path");
        }
        String microsoftApp = environment.getProperty(MICROSOFT_CLIENT_ID, "");
        if (!microsoftApp.isBlank() && !"https".equalsIgnoreCase(scheme)) {
            // Graph validates and posts notifications only to https endpoints (S-29).
            throw new InvalidConfigurationException(
                    "MAILBOARD_PUBLIC_URL",
                    "'" + properties.publicUrl() + "' is not https, and Microsoft sends change notifications only to"
                            + " https addresses, so no mail would arrive",
                    "Serve Mailboard behind an HTTPS reverse proxy and set MAILBOARD_PUBLIC_URL to its https address"
                            + " (docs/operations.md), or leave MAILBOARD_MICROSOFT_CLIENT_ID unset to use the sandbox");
        }
    }

    private void checkDataDir() {
        Path dir = properties.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_DATA_DIR",
                    "the directory " + dir + " cannot be created (" + e.getMessage() + ")",
                    "Point it at a directory Mailboard may write to");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_DATA_DIR",
                    "the directory " + dir + " is not writable",
                    "Point it at a directory Mailboard may write to, or fix its permissions");
        }
    }
}
