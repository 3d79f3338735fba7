package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.store.AppRegistration;
import dev.mailboard.sandbox.store.IdentityStore;
import dev.mailboard.sandbox.store.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The apps the sandbox identity platform knows: the configured one plus those registered through the control API. */
public final class AppRegistry {

    private static final Logger log = LoggerFactory.getLogger(AppRegistry.class);

    private final IdentityStore store;

    public AppRegistry(SandboxProperties properties, IdentityStore store) {
        this.store = store;
        var app = properties.app();
        var secret = app.clientSecret().isBlank() ? generatedSecret(properties) : app.clientSecret();
        store.putApp(new AppRegistration(
                app.clientId(), Hashes.sha256Hex(secret), app.displayName(), List.copyOf(app.redirectUris())));
    }

    /** Registers (or replaces) an app. */
    public void register(String clientId, String clientSecret, String displayName, List<String> redirectUris) {
        store.putApp(
                new AppRegistration(clientId, Hashes.sha256Hex(clientSecret), displayName, List.copyOf(redirectUris)));
    }

    Optional<AppRegistration> find(String clientId) {
        return store.app(clientId);
    }

    static boolean secretMatches(AppRegistration app, String secret) {
        return Hashes.equalsConstantTime(app.secretHash(), Hashes.sha256Hex(secret));
    }

    static boolean redirectAllowed(AppRegistration app, String redirectUri) {
        if (!app.redirectUris().isEmpty()) {
            return app.redirectUris().contains(redirectUri);
        }
        try {
            var uri = URI.create(redirectUri);
            var host = uri.getHost();
            return "http".equals(uri.getScheme())
                    && host != null
                    && (host.equals("localhost") || host.equals("127.0.0.1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String generatedSecret(SandboxProperties properties) {
        var dir = properties.dataDir();
        if (dir == null) {
            log.info(
                    "Sandbox generated a client secret for app {}, kept in memory only;"
                            + " set mailboard.sandbox.app.client-secret to choose one",
                    properties.app().clientId());
            return Ids.opaque("", 30);
        }
        var file = dir.resolve("client-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            var secret = Ids.opaque("", 30);
            OwnerOnlyFiles.write(file, secret);
            log.info(
                    "Sandbox generated a client secret for app {} and stored it in {}",
                    properties.app().clientId(),
                    file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the client secret in " + file, e);
        }
    }
}
