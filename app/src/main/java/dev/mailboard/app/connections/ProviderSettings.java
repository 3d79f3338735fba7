package dev.mailboard.app.connections;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The resolved OAuth provider: where to send the user and where to redeem codes.
 *
 * @param name how it is shown (sandbox, microsoft, oidc)
 * @param authorizationUri the authorization endpoint
 * @param tokenUri the token endpoint
 * @param issuer the expected {@code iss} callback parameter, if known
 * @param clientId the client id
 * @param credentials how Mailboard authenticates to the token endpoint
 * @param connectScopes the scopes asked for on connect
 * @param graphBaseUrl Graph's base URL, without a trailing slash
 */
record ProviderSettings(
        String name,
        String authorizationUri,
        String tokenUri,
        @Nullable String issuer,
        String clientId,
        ClientCredentials credentials,
        List<String> connectScopes,
        String graphBaseUrl) {

    /** The delegated scopes asked for on connect (S-9). */
    static final List<String> CONNECT_SCOPES = List.of("openid", "offline_access", "User.Read", "Mail.Read");

    /** The scope added by incremental consent when something first sends mail (S-10). */
    static final String SEND_SCOPE = "Mail.Send";

    /** Token errors that mean the grant is gone for good (S-13). */
    static final Set<String> GRANT_REFUSED = Set.of("invalid_grant", "interaction_required", "consent_required");

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", authorizationUri=" + authorizationUri + ", tokenUri=" + tokenUri
                + ", clientId=" + clientId + ", credentials=" + credentials + "]";
    }
}
