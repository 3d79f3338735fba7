package dev.mailboard.app.webhooks.spi;

import java.util.Optional;

/**
 * Knows the subscriptions Mailboard created and the SHA-256 hash of each one's {@code clientState}. The
 * webhook edge compares hashes itself, in constant time, and never sees a stored clientState.
 */
public interface SubscriptionVerifier {

    /**
     * The SHA-256 hash of the clientState of a subscription this verifier knows.
     *
     * @param subscriptionId the Graph subscription id from a notification
     * @return the hash, or empty when the subscription is unknown (or deleted, or paused)
     */
    Optional<byte[]> clientStateHash(String subscriptionId);

    /**
     * The name of the module that owns these subscriptions: notifications it accepted are stored under this
     * name, and only that module claims them from the inbox.
     *
     * @return a short, stable name, for example {@code mail}
     */
    String owner();
}
