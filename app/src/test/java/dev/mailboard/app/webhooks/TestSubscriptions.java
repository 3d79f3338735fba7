package dev.mailboard.app.webhooks;

import dev.mailboard.app.webhooks.spi.SubscriptionVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Subscriptions for edge tests: a test registers one and gets its id and clientState. Lives in the test
 * sources only, beside the real verifier of the module that owns subscriptions.
 */
@Component
public class TestSubscriptions implements SubscriptionVerifier {

    /** A registered test subscription. */
    public record Registered(String id, String clientState) {}

    private final Map<String, byte[]> hashes = new ConcurrentHashMap<>();

    /**
     * Registers a new subscription with a random clientState.
     *
     * @return its id and clientState
     */
    public Registered register() {
        Registered registered =
                new Registered("test-" + UUID.randomUUID(), UUID.randomUUID() + "-" + UUID.randomUUID());
        hashes.put(registered.id(), sha256(registered.clientState()));
        return registered;
    }

    /** The owner name of test subscriptions' inbox entries. */
    public static final String OWNER = "tests";

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public Optional<byte[]> clientStateHash(String subscriptionId) {
        return Optional.ofNullable(hashes.get(subscriptionId));
    }

    /** A notification POST body carrying these items. */
    public static String batch(String... items) {
        return "{\"value\":[" + String.join(",", items) + "]}";
    }

    /** A {@code created} change notification for a message, as Graph sends it. */
    public static String change(String subscriptionId, String clientState, String messageId) {
        return "{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                + "\",\"changeType\":\"created\",\"resource\":\"Users/u/Messages/" + messageId
                + "\",\"tenantId\":\"t\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Message\",\"id\":\""
                + messageId + "\"}}";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
