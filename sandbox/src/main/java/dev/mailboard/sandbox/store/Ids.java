package dev.mailboard.sandbox.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Random identifiers in the shapes Graph uses. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** An opaque, URL-safe id with a fixed prefix. */
    public static String opaque(String prefix, int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** A random GUID. */
    public static String guid() {
        return UUID.randomUUID().toString();
    }
}
