package dev.mailboard.app.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Checks the shared settings before anything else uses them, so that a mistake stops start-up early. */
@Component
class ConfigurationCheck implements InitializingBean {

    private final ServiceProperties properties;

    ConfigurationCheck(ServiceProperties properties) {
        this.properties = properties;
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
