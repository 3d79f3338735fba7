package dev.mailboard.app.connections;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Mailboard connects mailboxes: the OAuth provider, Graph, timeouts and refresh; docs/configuration.md
 * lists them with their variables.
 *
 * @param graphBaseUrl Graph's base URL; blank: the sandbox's when it is enabled and no Microsoft client is
 *     configured, else {@code https://graph.microsoft.com/v1.0}
 * @param refreshMargin how long before expiry an access token is refreshed
 * @param refreshInterval how often background work refreshes expiring tokens
 * @param authorizationValidity how long a started authorization (its state and PKCE verifier) stays valid
 * @param connectTimeout connect timeout of every token and Graph call
 * @param readTimeout read timeout of every token and Graph call
 * @param refreshAttempts how often a refresh is tried on timeouts, 5xx and 429 before giving up for now
 * @param refreshBackoff the first backoff between those attempts (doubling)
 * @param microsoft Microsoft Entra ID
 * @param provider any other standard OAuth 2.0 / OIDC provider; wins when its authorization URI is set
 */
@ConfigurationProperties("mailboard.connections")
record OAuthProperties(
        @Nullable String graphBaseUrl,
        @DefaultValue("5m") Duration refreshMargin,
        @DefaultValue("1m") Duration refreshInterval,
        @DefaultValue("10m") Duration authorizationValidity,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("3") int refreshAttempts,
        @DefaultValue("500ms") Duration refreshBackoff,
        @DefaultValue Microsoft microsoft,
        @DefaultValue Provider provider) {

    /**
     * A Microsoft Entra ID app registration.
     *
     * @param clientId the application (client) id
     * @param clientSecret its client secret, used only when {@code allowClientSecret} is set (S-11)
     * @param certificate a PEM file with the app's certificate and its private key ({@code private_key_jwt})
     * @param allowClientSecret whether a client secret may stand in for a certificate (trials, development)
     * @param tenant the tenant id or domain ({@code organizations} for any work account)
     * @param authority the login host
     */
    record Microsoft(
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String certificate,
            @DefaultValue("false") boolean allowClientSecret,
            @Nullable String tenant,

            @DefaultValue("https://login.microsoftonline.com")
            String authority) {

        @Override
        public String toString() {
            return "Microsoft[clientId=" + clientId + ", clientSecret=" + Secrets.mask(clientSecret) + ", certificate="
                    + certificate + ", tenant="
                    + tenant + "]";
        }
    }

    /**
     * A generic provider.
     *
     * @param authorizationUri its authorization endpoint
     * @param tokenUri its token endpoint
     * @param jwkSetUri its JWK set (documented; id tokens are not used for identity)
     * @param issuer its issuer, compared with an {@code iss} callback parameter (RFC 9207)
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param scopes the scopes to ask for on connect
     */
    record Provider(
            @Nullable String authorizationUri,
            @Nullable String tokenUri,
            @Nullable String jwkSetUri,
            @Nullable String issuer,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable List<String> scopes) {

        @Override
        public String toString() {
            return "Provider[authorizationUri=" + authorizationUri + ", tokenUri=" + tokenUri + ", clientId=" + clientId
                    + ", clientSecret=" + Secrets.mask(clientSecret) + "]";
        }
    }

    /** Prints secrets as a mask. */
    static final class Secrets {
        private Secrets() {}

        static String mask(@Nullable String secret) {
            return secret == null || secret.isBlank() ? "none" : "[redacted]";
        }
    }
}
