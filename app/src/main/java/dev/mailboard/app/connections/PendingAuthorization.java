package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.UserId;
import java.time.Instant;
import java.util.List;

/**
 * An authorization request Mailboard sent the browser to, waiting for its callback. Kept only in the
 * server-side session; the PKCE verifier never leaves the server before the token request.
 *
 * @param userId the user who started it
 * @param verifier the PKCE code verifier
 * @param scopes the scopes asked for
 * @param returnTo the allowlisted relative path to go back to
 * @param createdAt when it started
 */
record PendingAuthorization(UserId userId, String verifier, List<String> scopes, String returnTo, Instant createdAt) {

    @Override
    public String toString() {
        return "PendingAuthorization[userId=" + userId + ", verifier=[redacted], scopes=" + scopes + ", returnTo="
                + returnTo + ", createdAt=" + createdAt + "]";
    }
}
