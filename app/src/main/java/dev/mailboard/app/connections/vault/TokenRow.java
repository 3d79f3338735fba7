package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.Aead;
import dev.mailboard.app.connections.vault.TokenOwner.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A row of {@code connection_token} joined with its wrapped data key, still encrypted. */
record TokenRow(
        long version,
        byte[] access,
        byte @Nullable [] refresh,
        @Nullable Instant expiresAt,
        String scopes,
        @Nullable WrappedKey wrappedDataKey) {

    static TokenRow map(ResultSet rs, int rowNum) throws SQLException {
        Timestamp expires = rs.getTimestamp("access_token_expires_at");
        String kekId = rs.getString("kek_id");
        byte[] wrapped = rs.getBytes("wrapped_dek");
        return new TokenRow(
                rs.getLong("version"),
                rs.getBytes("access_token"),
                rs.getBytes("refresh_token"),
                expires == null ? null : expires.toInstant(),
                rs.getString("scopes"),
                kekId == null || wrapped == null ? null : new WrappedKey(kekId, wrapped));
    }

    WrappedKey dataKey(TokenOwner owner) {
        if (wrappedDataKey == null) {
            throw new TokenVaultException("The tokens of connection " + owner.connection()
                    + " cannot be decrypted: their data key has been destroyed");
        }
        return wrappedDataKey;
    }

    StoredTokens decrypt(TokenOwner owner, Aead dataKey) {
        byte[] refreshCiphertext = refresh;
        OAuthTokens tokens = new OAuthTokens(
                EnvelopeCipher.open(dataKey, owner, Purpose.ACCESS, access),
                refreshCiphertext == null
                        ? null
                        : EnvelopeCipher.open(dataKey, owner, Purpose.REFRESH, refreshCiphertext),
                expiresAt,
                new TreeSet<>(Arrays.asList(scopes.isBlank() ? new String[0] : scopes.split(" "))));
        return new StoredTokens(owner.account(), owner.connection(), tokens, version);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "TokenRow[version=" + version + ", dataKey=" + wrappedDataKey + "]";
    }
}
