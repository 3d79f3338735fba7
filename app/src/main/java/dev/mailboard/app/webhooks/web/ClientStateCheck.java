package dev.mailboard.app.webhooks.web;

import dev.mailboard.app.webhooks.spi.SubscriptionVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Compares a notification's clientState with the subscription's, by hash and in constant time (S-23). */
@Component
class ClientStateCheck {

    /** What the check found. */
    enum Verdict {
        VALID,
        UNKNOWN_SUBSCRIPTION,
        MISMATCH
    }

    private final List<SubscriptionVerifier> verifiers;

    ClientStateCheck(List<SubscriptionVerifier> verifiers) {
        this.verifiers = verifiers;
    }

    Verdict check(String subscriptionId, @Nullable String clientState) {
        Optional<byte[]> expected = verifiers.stream()
                .map(verifier -> verifier.clientStateHash(subscriptionId))
                .flatMap(Optional::stream)
                .findFirst();
        if (expected.isEmpty()) {
            return Verdict.UNKNOWN_SUBSCRIPTION;
        }
        byte[] received = sha256(clientState == null ? "" : clientState);
        return MessageDigest.isEqual(expected.get(), received) ? Verdict.VALID : Verdict.MISMATCH;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
