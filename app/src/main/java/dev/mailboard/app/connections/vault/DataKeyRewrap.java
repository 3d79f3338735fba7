package dev.mailboard.app.connections.vault;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-wraps every stored data key that is not on the current key-encryption key version (S-37). Each key
 * is updated only if it is still the one read, so a connection destroyed meanwhile stays destroyed. A run
 * that fails half-way (Vault down) keeps what it did; run it again to finish.
 */
final class DataKeyRewrap {

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    DataKeyRewrap(JdbcClient jdbc, EnvelopeCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record Stale(TokenOwner owner, WrappedKey key) {}

    RewrapReport run(KeyRotation.Progress progress) {
        String current = cipher.currentKeyId();
        List<Stale> stale = jdbc.sql("select connection_id, account_id, kek_id, wrapped_dek from connection_data_key"
                        + " where kek_id <> :current order by connection_id")
                .param("current", current)
                .query((rs, n) -> new Stale(
                        new TokenOwner(
                                new AccountId(rs.getObject("account_id", UUID.class)),
                                new ConnectionId(rs.getObject("connection_id", UUID.class))),
                        new WrappedKey(rs.getString("kek_id"), rs.getBytes("wrapped_dek"))))
                .list();
        long total = stale.size();
        long done = 0;
        progress.update(0, total);
        for (Stale key : stale) {
            WrappedKey rewrapped = cipher.rewrap(key.owner(), key.key());
            done += jdbc.sql("update connection_data_key set kek_id = :kek, wrapped_dek = :wrapped, rewrapped_at = :now"
                            + " where connection_id = :connection and account_id = :account and kek_id = :old")
                    .param("kek", rewrapped.kekId())
                    .param("wrapped", rewrapped.ciphertext())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("connection", key.owner().connection().value())
                    .param("account", key.owner().account().value())
                    .param("old", key.key().kekId())
                    .update();
            progress.update(done, total);
        }
        long remaining = jdbc.sql("select count(*) from connection_data_key where kek_id <> :current")
                .param("current", current)
                .query(Long.class)
                .single();
        return new RewrapReport(total, done, remaining, current);
    }
}
