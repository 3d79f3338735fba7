package dev.mailboard.sandbox.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls Graph, as read from a verified access token.
 *
 * @param userId the signed-in user (the token's {@code oid})
 * @param appId the calling app (the token's {@code appid})
 * @param scopes the delegated scopes, lower-case
 */
public record Caller(String userId, String appId, Set<String> scopes) {

    static Caller of(String userId, String appId, String scp) {
        var scopes = Arrays.stream(scp.split(" "))
                .filter(s -> !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(userId, appId, scopes);
    }

    /** Whether the token carries at least one of these scopes (case-insensitive). */
    public boolean hasAny(String... names) {
        return Arrays.stream(names).anyMatch(n -> scopes.contains(n.toLowerCase(Locale.ROOT)));
    }
}
