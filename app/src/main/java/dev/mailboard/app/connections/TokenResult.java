package dev.mailboard.app.connections;

import dev.mailboard.app.connections.vault.OAuthTokens;
import java.time.Duration;

/** What a token request came to. */
sealed interface TokenResult {

    /**
     * Tokens were granted.
     *
     * @param tokens the tokens
     */
    record Granted(OAuthTokens tokens) implements TokenResult {}

    /**
     * The provider refused: an OAuth error code such as {@code invalid_grant} (never retried).
     *
     * @param error the {@code error} code
     * @param description the provider's description, without secrets (error descriptions carry none)
     */
    record Refused(String error, String description) implements TokenResult {

        boolean grantGone() {
            return ProviderSettings.GRANT_REFUSED.contains(error);
        }
    }

    /**
     * A timeout, 5xx or 429: worth retrying.
     *
     * @param reason what happened
     * @param retryAfter the provider's Retry-After, or zero
     */
    record Failed(String reason, Duration retryAfter) implements TokenResult {}
}
