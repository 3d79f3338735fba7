package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.List;

/** A refresh token, known only by the hash of its value. */
public record RefreshGrant(
        String tokenHash,
        String clientId,
        String userId,
        List<String> scopes,
        Instant issuedAt,
        Instant lastUsedAt,
        boolean used) {

    @Override
    public String toString() {
        return "RefreshGrant[clientId=" + clientId + ", userId=" + userId + ", scopes=" + scopes + "]";
    }
}
