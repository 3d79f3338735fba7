package dev.mailboard.app.connections;

import dev.mailboard.app.operations.InvalidConfigurationException;
import dev.mailboard.app.operations.PublicUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves the provider configured as {@code microsoft}: a generic OIDC provider when its endpoints are
 * set, Microsoft Entra ID when a client id is set, else the embedded sandbox. Invalid combinations stop
 * start-up with a message naming the setting.
 */
@Component
class OAuthProvider {

    private static final String SANDBOX_LOGIN = "/sandbox/login/common/oauth2/v2.0/";

    private final OAuthProperties properties;
    private final PublicUrl publicUrl;
    private final Environment environment;
    private final Clock clock;
    private @Nullable ClientCredentials credentials;

    OAuthProvider(OAuthProperties properties, PublicUrl publicUrl, Environment environment, Clock clock) {
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.environment = environment;
        this.clock = clock;
        current();
    }

    /**
     * The provider as configured now (the public URL may have got its port since start).
     *
     * @return the settings
     */
    ProviderSettings current() {
        OAuthProperties.Provider generic = properties.provider();
        if (present(generic.authorizationUri())) {
            String graph = graph("https://graph.microsoft.com/v1.0");
            return new ProviderSettings(
                    "oidc",
                    required(generic.authorizationUri(), "provider.authorization-uri"),
                    required(generic.tokenUri(), "provider.token-uri"),
                    generic.issuer(),
                    required(generic.clientId(), "provider.client-id"),
                    new ClientCredentials.Secret(required(generic.clientSecret(), "provider.client-secret")),
                    generic.scopes() == null || generic.scopes().isEmpty()
                            ? ProviderSettings.CONNECT_SCOPES
                            : List.copyOf(generic.scopes()),
                    graph);
        }
        OAuthProperties.Microsoft microsoft = properties.microsoft();
        if (present(microsoft.clientId())) {
            String tenant = required(microsoft.tenant(), "microsoft.tenant");
            String base = microsoft.authority() + "/" + tenant;
            return new ProviderSettings(
                    "microsoft",
                    base + "/oauth2/v2.0/authorize",
                    base + "/oauth2/v2.0/token",
                    base + "/v2.0",
                    required(microsoft.clientId(), "microsoft.client-id"),
                    microsoftCredentials(microsoft),
                    ProviderSettings.CONNECT_SCOPES,
                    graph("https://graph.microsoft.com/v1.0"));
        }
        if (!environment.getProperty("mailboard.sandbox.enabled", Boolean.class, false)) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_MICROSOFT_CLIENT_ID",
                    "no Microsoft app is configured and the sandbox is off, so no mailbox can be connected",
                    "set MAILBOARD_MICROSOFT_CLIENT_ID, MAILBOARD_MICROSOFT_CLIENT_SECRET and MAILBOARD_MICROSOFT_TENANT,"
                            + " or turn the sandbox on (MAILBOARD_SANDBOX_ENABLED=true)");
        }
        return new ProviderSettings(
                "sandbox",
                publicUrl.resolve(SANDBOX_LOGIN + "authorize"),
                publicUrl.resolve(SANDBOX_LOGIN + "token"),
                null,
                environment.getProperty("mailboard.sandbox.app.client-id", "mailboard-sandbox-app"),
                new ClientCredentials.Secret(environment.getProperty(SandboxClientSecret.SECRET_PROPERTY, "")),
                ProviderSettings.CONNECT_SCOPES,
                graph(publicUrl.resolve("/sandbox/graph/v1.0")));
    }

    /**
     * A certificate when one is configured (S-11); a client secret only when explicitly allowed, as it is
     * meant for trials and development.
     */
    private ClientCredentials microsoftCredentials(OAuthProperties.Microsoft microsoft) {
        ClientCredentials credentials = this.credentials;
        if (credentials != null) {
            return credentials;
        }
        if (present(microsoft.certificate())) {
            try {
                credentials = new ClientCredentials.Certificate(
                        ClientAssertions.fromPem(Path.of(microsoft.certificate()), clock));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        "MAILBOARD_MICROSOFT_CERTIFICATE",
                        String.valueOf(e.getMessage()),
                        "point it at a PEM file with the app's certificate and its unencrypted PKCS #8 private key");
            }
        } else if (present(microsoft.clientSecret()) && microsoft.allowClientSecret()) {
            credentials = new ClientCredentials.Secret(required(microsoft.clientSecret(), "microsoft.client-secret"));
        } else if (present(microsoft.clientSecret())) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_MICROSOFT_CLIENT_SECRET",
                    "a client secret is accepted only for trials and development (S-11); production authenticates"
                            + " with a certificate",
                    "set MAILBOARD_MICROSOFT_CERTIFICATE to the certificate's PEM file (see docs/connections.md), or"
                            + " MAILBOARD_MICROSOFT_ALLOW_CLIENT_SECRET=true to use the secret anyway");
        } else {
            throw new InvalidConfigurationException(
                    "MAILBOARD_MICROSOFT_CERTIFICATE",
                    "the Microsoft app needs a way to authenticate to the token endpoint",
                    "set MAILBOARD_MICROSOFT_CERTIFICATE to the certificate's PEM file (see docs/connections.md)");
        }
        this.credentials = credentials;
        return credentials;
    }

    private String graph(String fallback) {
        String configured = properties.graphBaseUrl();
        String url = configured != null && !configured.isBlank() ? configured : fallback;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String required(@Nullable String value, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(
                    "mailboard.connections." + key,
                    "it is required for the configured OAuth provider",
                    "set it (see docs/connections.md)");
        }
        return value;
    }
}
