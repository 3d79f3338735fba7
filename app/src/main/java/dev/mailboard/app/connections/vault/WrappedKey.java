package dev.mailboard.app.connections.vault;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A data key encrypted by a key-encryption key.
 *
 * @param kekId which key-encryption key (and version) wrapped it, for example {@code local:1234567} or
 *     {@code transit:mailboard-tokens:v2}
 * @param ciphertext the wrapped key
 */
record WrappedKey(String kekId, byte[] ciphertext) {

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WrappedKey key && kekId.equals(key.kekId) && Arrays.equals(ciphertext, key.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * kekId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[kekId=" + kekId + ", " + ciphertext.length + " bytes]";
    }
}
