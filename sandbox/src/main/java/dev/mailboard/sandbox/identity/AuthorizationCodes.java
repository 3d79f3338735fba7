package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** Short-lived, single-use authorization codes, kept in memory only. */
final class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What a code stands for. */
    record Code(
            String clientId,
            String redirectUri,
            String userId,
            Set<String> scopes,
            @Nullable String challenge,
            String challengeMethod,
            @Nullable String nonce,
            String tenant,
            Instant issuedAt,
            boolean redeemed) {

        @Override
        public String toString() {
            return "Code[clientId=" + clientId + ", userId=" + userId + "]";
        }
    }

    private final ConcurrentMap<String, Code> codes = new ConcurrentHashMap<>();
    private final SandboxClock clock;

    AuthorizationCodes(SandboxClock clock) {
        this.clock = clock;
    }

    String issue(Code code) {
        var cutoff = clock.now().minus(LIFETIME.multipliedBy(2));
        codes.values().removeIf(c -> c.issuedAt().isBefore(cutoff));
        var value = Ids.opaque("1.AQ", 96);
        codes.put(value, code);
        return value;
    }

    /** Marks the code redeemed and answers what it was before, so a second redemption can be told apart. */
    Optional<Code> redeem(String value) {
        var before = new Code[1];
        codes.computeIfPresent(value, (k, c) -> {
            before[0] = c;
            return new Code(
                    c.clientId(),
                    c.redirectUri(),
                    c.userId(),
                    c.scopes(),
                    c.challenge(),
                    c.challengeMethod(),
                    c.nonce(),
                    c.tenant(),
                    c.issuedAt(),
                    true);
        });
        return Optional.ofNullable(before[0]);
    }
}
