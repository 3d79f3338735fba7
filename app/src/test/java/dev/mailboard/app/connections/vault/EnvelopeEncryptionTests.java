package dev.mailboard.app.connections.vault;

import static dev.mailboard.app.connections.vault.VaultFixture.account;
import static dev.mailboard.app.connections.vault.VaultFixture.connection;
import static dev.mailboard.app.connections.vault.VaultFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope encryption of tokens in the database (covers S-12, S-16, S-18, S-35, S-36, S-38, S-41, S-43). */
class EnvelopeEncryptionTests {

    @TempDir
    Path dir;

    private VaultFixture db;
    private TokenVault vault;

    @BeforeEach
    void setUp() {
        db = new VaultFixture();
        vault = db.localVault(dir.resolve("token-keyset.json")).tokens();
    }

    @Test
    void storesAndReadsTokensBackAndKeepsNoPlaintextInTheDatabase() {
        AccountId account = account();
        ConnectionId connection = connection();

        StoredTokens stored = vault.store(account, connection, tokens("access-plain-111", "refresh-plain-222"));
        StoredTokens read = vault.find(account, connection).orElseThrow();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.tokens().accessToken().reveal()).isEqualTo("access-plain-111");
        assertThat(read.tokens().refreshToken()).isEqualTo(SecretToken.of("refresh-plain-222"));
        assertThat(read.tokens().scopes()).containsExactly("Mail.Read", "User.Read", "offline_access", "openid");
        assertThat(read.tokens().accessTokenExpiresAt())
                .isEqualTo(tokens("a", "r").accessTokenExpiresAt());
        for (Map<String, Object> row :
                db.jdbc.sql("select * from connection_token").query().listOfRows()) {
            assertThat(new String((byte[]) row.get("access_token"), StandardCharsets.ISO_8859_1))
                    .doesNotContain("access-plain-111");
            assertThat(new String((byte[]) row.get("refresh_token"), StandardCharsets.ISO_8859_1))
                    .doesNotContain("refresh-plain-222");
        }
    }

    @Test
    void findsNothingForAnotherAccountOrAnUnknownConnection() {
        ConnectionId connection = connection();
        vault.store(account(), connection, tokens("a1", "r1"));

        assertThat(vault.find(account(), connection)).isEmpty();
        assertThat(vault.find(account(), connection())).isEmpty();
    }

    @Test
    void ciphertextsSwappedBetweenConnectionsDoNotDecrypt() {
        AccountId account = account();
        ConnectionId first = connection();
        ConnectionId second = connection();
        vault.store(account, first, tokens("first-access", "first-refresh"));
        vault.store(account, second, tokens("second-access", "second-refresh"));

        byte[] firstAccess = column("access_token", first);
        byte[] secondAccess = column("access_token", second);
        setColumn("access_token", first, secondAccess);
        setColumn("access_token", second, firstAccess);

        assertThatThrownBy(() -> vault.find(account, first)).isInstanceOf(TokenVaultException.class);
        assertThatThrownBy(() -> vault.find(account, second)).isInstanceOf(TokenVaultException.class);
    }

    @Test
    void wholeRowsMovedToAnotherConnectionDoNotDecrypt() {
        AccountId account = account();
        ConnectionId victim = connection();
        ConnectionId attacker = connection();
        vault.store(account, victim, tokens("victim-access", "victim-refresh"));
        vault.store(account, attacker, tokens("attacker-access", "attacker-refresh"));
        // Copy the victim's data key and tokens over the attacker's connection.
        for (String column : List.of("wrapped_dek", "kek_id")) {
            db.jdbc
                    .sql(
                            "update connection_data_key set " + column + " = (select " + column
                                    + " from connection_data_key where connection_id = :victim) where connection_id = :attacker")
                    .param("victim", victim.value())
                    .param("attacker", attacker.value())
                    .update();
        }
        setColumn("access_token", attacker, column("access_token", victim));

        assertThatThrownBy(() -> vault.find(account, attacker)).isInstanceOf(TokenVaultException.class);
    }

    @Test
    void accessAndRefreshCiphertextsSwappedWithEachOtherDoNotDecrypt() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.store(account, connection, tokens("the-access", "the-refresh"));

        byte[] access = column("access_token", connection);
        setColumn("access_token", connection, column("refresh_token", connection));
        setColumn("refresh_token", connection, access);

        assertThatThrownBy(() -> vault.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void tamperedCiphertextDoesNotDecrypt() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.store(account, connection, tokens("the-access", "the-refresh"));

        byte[] access = column("access_token", connection);
        access[access.length - 1] ^= 0x01;
        setColumn("access_token", connection, access);

        assertThatThrownBy(() -> vault.find(account, connection)).isInstanceOf(TokenVaultException.class);
    }

    @Test
    void afterDestroyAnEarlierCopyOfTheTokenRowCannotBeDecrypted() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.store(account, connection, tokens("dumped-access", "dumped-refresh"));
        Map<String, Object> dump = db.jdbc
                .sql("select * from connection_token where connection_id = :c")
                .param("c", connection.value())
                .query()
                .singleRow();

        assertThat(vault.destroy(account, connection)).isTrue();
        assertThat(vault.find(account, connection)).isEmpty();
        assertThat(db.jdbc
                        .sql("select count(*) from connection_data_key")
                        .query(Long.class)
                        .single())
                .isZero();

        // Restore the ciphertexts from the "dump": without the destroyed data key they stay unreadable.
        db.jdbc
                .sql("insert into connection_token (connection_id, account_id, version, access_token, refresh_token,"
                        + " access_token_expires_at, scopes, updated_at) values (:connection_id, :account_id,"
                        + " :version, :access_token, :refresh_token, :access_token_expires_at, :scopes, :updated_at)")
                .paramSource(dump)
                .update();
        assertThatThrownBy(() -> vault.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("data key has been destroyed");
        assertThat(vault.destroy(account, connection)).isTrue();
        assertThat(vault.destroy(account, connection)).isFalse();
    }

    @Test
    void aStaleVersionIsRefusedAndDoesNotOverwriteTheNewerTokens() {
        AccountId account = account();
        ConnectionId connection = connection();
        StoredTokens original = vault.store(account, connection, tokens("access-0", "refresh-0"));

        StoredTokens winner = vault.replace(account, connection, original.version(), tokens("access-1", "refresh-1"));

        assertThat(winner.version()).isEqualTo(2);
        assertThatThrownBy(() ->
                        vault.replace(account, connection, original.version(), tokens("access-late", "refresh-late")))
                .isInstanceOf(TokenVersionConflictException.class)
                .hasMessageContaining("version 1");
        StoredTokens stored = vault.find(account, connection).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.tokens().accessToken().reveal()).isEqualTo("access-1");
        assertThat(stored.tokens().refreshToken()).isEqualTo(SecretToken.of("refresh-1"));
    }

    @Test
    void aReplaceWithoutRefreshTokenKeepsTheStoredOne() {
        AccountId account = account();
        ConnectionId connection = connection();
        StoredTokens original = vault.store(account, connection, tokens("access-0", "refresh-0"));

        OAuthTokens refreshed = tokens("access-1", "unused").withRefreshToken(null);
        StoredTokens replaced = vault.replace(account, connection, original.version(), refreshed);

        assertThat(replaced.tokens().refreshToken()).isEqualTo(SecretToken.of("refresh-0"));
        StoredTokens stored = vault.find(account, connection).orElseThrow();
        assertThat(stored.tokens().accessToken().reveal()).isEqualTo("access-1");
        assertThat(stored.tokens().refreshToken()).isEqualTo(SecretToken.of("refresh-0"));
    }

    @Test
    void replacingDestroyedTokensIsAConflict() {
        AccountId account = account();
        ConnectionId connection = connection();
        StoredTokens original = vault.store(account, connection, tokens("access-0", "refresh-0"));
        vault.destroy(account, connection);

        assertThatThrownBy(() -> vault.replace(account, connection, original.version(), tokens("a", "r")))
                .isInstanceOf(TokenVersionConflictException.class);
        assertThat(vault.find(account, connection)).isEmpty();
    }

    @Test
    void aFreshGrantOverwritesWhateverIsStoredAndKeepsTheDataKey() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.store(account, connection, tokens("access-0", "refresh-0"));
        byte[] dataKey = db.jdbc
                .sql("select wrapped_dek from connection_data_key")
                .query(byte[].class)
                .single();

        StoredTokens again = vault.store(account, connection, tokens("access-9", "refresh-9"));

        assertThat(again.version()).isEqualTo(2);
        assertThat(vault.find(account, connection)
                        .orElseThrow()
                        .tokens()
                        .accessToken()
                        .reveal())
                .isEqualTo("access-9");
        assertThat(db.jdbc
                        .sql("select wrapped_dek from connection_data_key")
                        .query(byte[].class)
                        .single())
                .isEqualTo(dataKey);
    }

    @Test
    void eachConnectionHasItsOwnDataKey() {
        AccountId account = account();
        vault.store(account, connection(), tokens("a1", "r1"));
        vault.store(account, connection(), tokens("a2", "r2"));

        List<byte[]> keys = db.jdbc
                .sql("select wrapped_dek from connection_data_key")
                .query(byte[].class)
                .list();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void tokenHoldersPrintRedacted() {
        OAuthTokens tokens = tokens("printed-access", "printed-refresh");
        StoredTokens stored = new StoredTokens(account(), connection(), tokens, 3);

        for (Object holder : List.of(SecretToken.of("printed-access"), tokens, stored)) {
            assertThat(holder.toString())
                    .contains("[redacted]")
                    .doesNotContain("printed-access")
                    .doesNotContain("printed-refresh");
        }
    }

    private byte[] column(String column, ConnectionId connection) {
        return db.jdbc
                .sql("select " + column + " from connection_token where connection_id = :c")
                .param("c", connection.value())
                .query(byte[].class)
                .single();
    }

    private void setColumn(String column, ConnectionId connection, byte[] value) {
        db.jdbc
                .sql("update connection_token set " + column + " = :v where connection_id = :c")
                .param("v", value)
                .param("c", connection.value())
                .update();
    }
}
