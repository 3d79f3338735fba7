package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.Aead;
import dev.mailboard.app.connections.vault.TokenOwner.Purpose;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tokens in the database, envelope-encrypted: table {@code connection_data_key} holds each connection's
 * wrapped data key, {@code connection_token} the token ciphertexts and a version for compare-and-set.
 * Calls to the key-encryption key (possibly Vault) happen outside database transactions.
 */
final class JdbcTokenStore implements TokenStore {

    private static final String FIND = """
            select t.version, t.access_token, t.refresh_token, t.access_token_expires_at, t.scopes,
                   k.kek_id, k.wrapped_dek
            from connection_token t
            left join connection_data_key k on k.connection_id = t.connection_id and k.account_id = t.account_id
            where t.connection_id = :connection and t.account_id = :account""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    JdbcTokenStore(JdbcClient jdbc, TransactionTemplate transactions, EnvelopeCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<StoredTokens> find(TokenOwner owner) {
        return row(owner).map(row -> row.decrypt(owner, cipher.openDataKey(owner, row.dataKey(owner))));
    }

    @Override
    public StoredTokens put(TokenOwner owner, OAuthTokens tokens) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Optional<WrappedKey> existing = jdbc.sql("select kek_id, wrapped_dek from connection_data_key"
                                + " where connection_id = :connection and account_id = :account")
                        .param("connection", owner.connection().value())
                        .param("account", owner.account().value())
                        .query((rs, n) -> new WrappedKey(rs.getString(1), rs.getBytes(2)))
                        .optional();
                if (existing.isPresent()) {
                    Aead dataKey = cipher.openDataKey(owner, existing.get());
                    return inTransaction(() -> writeRow(owner, dataKey, tokens));
                }
                EnvelopeCipher.DataKey key = cipher.newDataKey(owner);
                return inTransaction(() -> {
                    insertDataKey(owner, key.wrapped());
                    return writeRow(owner, key.aead(), tokens);
                });
            } catch (DuplicateKeyException e) {
                // A concurrent first write created the data key or row: go again and use theirs.
            }
        }
        throw new TokenVaultException("Could not store the tokens of connection " + owner.connection()
                + ": its id is taken by another account's connection");
    }

    @Override
    public StoredTokens replace(TokenOwner owner, long expectedVersion, OAuthTokens tokens) {
        TokenRow row = row(owner)
                .filter(found -> found.version() == expectedVersion)
                .orElseThrow(() -> new TokenVersionConflictException(owner.connection(), expectedVersion));
        Aead dataKey = cipher.openDataKey(owner, row.dataKey(owner));
        SecretToken refresh = tokens.refreshToken();
        JdbcClient.StatementSpec update = jdbc.sql("update connection_token set access_token = :access,"
                        + " access_token_expires_at = :expires, scopes = :scopes, updated_at = :now, version = version + 1"
                        + (refresh == null ? "" : ", refresh_token = :refresh")
                        + " where connection_id = :connection and account_id = :account and version = :expected")
                .param("access", EnvelopeCipher.seal(dataKey, owner, Purpose.ACCESS, tokens.accessToken()))
                .param("expires", timestamp(tokens.accessTokenExpiresAt()))
                .param("scopes", String.join(" ", tokens.scopes()))
                .param("now", Timestamp.from(clock.instant()))
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .param("expected", expectedVersion);
        if (refresh != null) {
            update = update.param("refresh", EnvelopeCipher.seal(dataKey, owner, Purpose.REFRESH, refresh));
        }
        if (update.update() == 0) {
            throw new TokenVersionConflictException(owner.connection(), expectedVersion);
        }
        SecretToken kept =
                refresh != null ? refresh : row.decrypt(owner, dataKey).tokens().refreshToken();
        return new StoredTokens(
                owner.account(), owner.connection(), tokens.withRefreshToken(kept), expectedVersion + 1);
    }

    @Override
    public boolean destroy(TokenOwner owner) {
        Integer deleted = transactions.execute(
                status -> delete("connection_token", owner) + delete("connection_data_key", owner));
        return deleted != null && deleted > 0;
    }

    @Override
    public RewrapReport rewrap(KeyRotation.Progress progress) {
        return new DataKeyRewrap(jdbc, cipher, clock).run(progress);
    }

    private Optional<TokenRow> row(TokenOwner owner) {
        return jdbc.sql(FIND)
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .query(TokenRow::map)
                .optional();
    }

    private void insertDataKey(TokenOwner owner, WrappedKey wrapped) {
        jdbc.sql("insert into connection_data_key (connection_id, account_id, kek_id, wrapped_dek, created_at)"
                        + " values (:connection, :account, :kek, :wrapped, :now)")
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .param("kek", wrapped.kekId())
                .param("wrapped", wrapped.ciphertext())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Writes the tokens unconditionally, one version above what is stored (a fresh grant wins). */
    private StoredTokens writeRow(TokenOwner owner, Aead dataKey, OAuthTokens tokens) {
        long current = jdbc.sql("select version from connection_token where connection_id = :connection"
                        + " and account_id = :account for update")
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .query(Long.class)
                .optional()
                .orElse(0L);
        delete("connection_token", owner);
        SecretToken refresh = tokens.refreshToken();
        jdbc.sql("insert into connection_token (connection_id, account_id, version, access_token, refresh_token,"
                        + " access_token_expires_at, scopes, updated_at) values (:connection, :account, :version,"
                        + " :access, :refresh, :expires, :scopes, :now)")
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .param("version", current + 1)
                .param("access", EnvelopeCipher.seal(dataKey, owner, Purpose.ACCESS, tokens.accessToken()))
                .param(
                        "refresh",
                        refresh == null ? null : EnvelopeCipher.seal(dataKey, owner, Purpose.REFRESH, refresh))
                .param("expires", timestamp(tokens.accessTokenExpiresAt()))
                .param("scopes", String.join(" ", tokens.scopes()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new StoredTokens(owner.account(), owner.connection(), tokens, current + 1);
    }

    private StoredTokens inTransaction(java.util.function.Supplier<StoredTokens> work) {
        StoredTokens stored = transactions.execute(status -> work.get());
        if (stored == null) {
            throw new TokenVaultException("The transaction storing tokens returned nothing");
        }
        return stored;
    }

    private int delete(String table, TokenOwner owner) {
        return jdbc.sql("delete from " + table + " where connection_id = :connection and account_id = :account")
                .param("connection", owner.connection().value())
                .param("account", owner.account().value())
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
