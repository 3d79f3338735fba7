package dev.mailboard.app.connections.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth token in plaintext, held only in memory for the duration of a call (S-41). It prints as
 * {@code [redacted]} (S-43): pass it to an HTTP client through {@link #reveal()}, never to a logger.
 */
public final class SecretToken {

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    /**
     * Wraps a token.
     *
     * @param value the token as the token endpoint returned it; not blank
     * @return the holder
     */
    public static SecretToken of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A token must not be blank");
        }
        return new SecretToken(value);
    }

    /**
     * The token itself, to put into an {@code Authorization} header or a token request.
     *
     * @return the plaintext token
     */
    public String reveal() {
        return value;
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SecretToken token
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), token.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
