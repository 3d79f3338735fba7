package dev.mailboard.app.connections.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of one connection as a token endpoint granted them.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or null when none was granted (or, for
 *     {@link TokenVault#replace}, when the token response had none and the stored one is to be kept)
 * @param accessTokenExpiresAt when the access token expires, or null when the provider did not say
 * @param scopes the scopes actually granted
 */
public record OAuthTokens(
        SecretToken accessToken,
        @Nullable SecretToken refreshToken,
        @Nullable Instant accessTokenExpiresAt,
        SortedSet<String> scopes) {

    /** Checks the required parts and copies the scopes. */
    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = new TreeSet<>(Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * Creates the tokens from a token response.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token, if any
     * @param accessTokenExpiresAt its expiry, if known
     * @param scopes the granted scopes
     * @return the tokens
     */
    public static OAuthTokens of(
            SecretToken accessToken,
            @Nullable SecretToken refreshToken,
            @Nullable Instant accessTokenExpiresAt,
            Set<String> scopes) {
        return new OAuthTokens(accessToken, refreshToken, accessTokenExpiresAt, new TreeSet<>(scopes));
    }

    /**
     * The same tokens with another refresh token.
     *
     * @param refresh the refresh token to carry
     * @return a copy
     */
    OAuthTokens withRefreshToken(@Nullable SecretToken refresh) {
        return new OAuthTokens(accessToken, refresh, accessTokenExpiresAt, scopes);
    }

    /**
     * Whether the access token has expired or will within the margin.
     *
     * @param now the current time
     * @param margin how long before the expiry a token counts as expired
     * @return true when it should be refreshed; true also when the expiry is unknown
     */
    public boolean isAccessTokenExpiring(Instant now, Duration margin) {
        return accessTokenExpiresAt == null || !now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=[redacted], refreshToken=" + (refreshToken == null ? "none" : "[redacted]")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", scopes=" + scopes + "]";
    }
}
