package dev.mailboard.app.connections;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The started authorizations of one browser session, keyed by a hash of their {@code state}. A state is
 * found only in the session that started it (S-3), only once (taking it removes it), and only within its
 * validity (S-2). Only the hash of a state is kept.
 */
final class PendingAuthorizations implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = PendingAuthorizations.class.getName();
    private static final int MAX_PENDING = 5;

    private final Map<String, PendingAuthorization> byStateHash = new ConcurrentHashMap<>();

    static PendingAuthorizations of(HttpSession session) {
        synchronized (session) {
            Object existing = session.getAttribute(ATTRIBUTE);
            if (existing instanceof PendingAuthorizations pending) {
                return pending;
            }
            PendingAuthorizations created = new PendingAuthorizations();
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    void put(String state, PendingAuthorization pending, Duration validity) {
        dropExpired(pending.createdAt(), validity);
        if (byStateHash.size() >= MAX_PENDING) {
            byStateHash.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.createdAt().compareTo(b.createdAt())))
                    .ifPresent(oldest -> byStateHash.remove(oldest.getKey()));
        }
        byStateHash.put(hash(state), pending);
    }

    /**
     * Takes the authorization a state stands for, so that it cannot be used again.
     *
     * @param state the callback's state
     * @param now the current time
     * @param validity how long a started authorization is valid
     * @return the authorization, or empty when the state is unknown here, used or expired
     */
    Optional<PendingAuthorization> take(String state, Instant now, Duration validity) {
        PendingAuthorization pending = byStateHash.remove(hash(state));
        if (pending == null || pending.createdAt().plus(validity).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    private void dropExpired(Instant now, Duration validity) {
        byStateHash.values().removeIf(p -> p.createdAt().plus(validity).isBefore(now));
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
