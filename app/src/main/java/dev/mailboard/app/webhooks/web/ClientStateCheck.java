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

    /** The verdict, and the owner of the subscription when it is known. */
    record Checked(Verdict verdict, String owner) {}

    Checked check(String subscriptionId, @Nullable String clientState) {
        for (SubscriptionVerifier verifier : verifiers) {
            Optional<byte[]> expected = verifier.clientStateHash(subscriptionId);
            if (expected.isPresent()) {
                byte[] received = sha256(clientState == null ? "" : clientState);
                boolean equal = MessageDigest.isEqual(expected.get(), received);
                return new Checked(equal ? Verdict.VALID : Verdict.MISMATCH, verifier.owner());
            }
        }
        return new Checked(Verdict.UNKNOWN_SUBSCRIPTION, "");
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
