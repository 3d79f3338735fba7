package dev.mailboard.app.connections.vault;

import static dev.mailboard.app.connections.vault.VaultFixture.account;
import static dev.mailboard.app.connections.vault.VaultFixture.connection;
import static dev.mailboard.app.connections.vault.VaultFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The token vault bean on the real database: H2, then PostgreSQL in the postgres run. */
@MailboardIntegrationTest
class TokenVaultIntegrationTests {

    @Autowired
    TokenVault vault;

    @Autowired
    KeyRotation rotation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesReplacesAndDestroysTokensEncrypted() {
        AccountId account = account();
        ConnectionId connection = connection();

        StoredTokens stored = vault.store(account, connection, tokens("db-access-1", "db-refresh-1"));
        StoredTokens replaced =
                vault.replace(account, connection, stored.version(), tokens("db-access-2", "db-refresh-2"));

        assertThatThrownBy(() -> vault.replace(account, connection, stored.version(), tokens("late", "late")))
                .isInstanceOf(TokenVersionConflictException.class);
        StoredTokens read = vault.find(account, connection).orElseThrow();
        assertThat(read.version()).isEqualTo(replaced.version()).isEqualTo(2);
        assertThat(read.tokens().accessToken().reveal()).isEqualTo("db-access-2");
        assertThat(read.tokens().refreshToken()).isEqualTo(SecretToken.of("db-refresh-2"));
        assertThat(read.tokens().accessTokenExpiresAt())
                .isEqualTo(tokens("a", "r").accessTokenExpiresAt());
        byte[] access = jdbc.sql("select access_token from connection_token where connection_id = :c")
                .param("c", connection.value())
                .query(byte[].class)
                .single();
        assertThat(new String(access, StandardCharsets.ISO_8859_1)).doesNotContain("db-access");

        assertThat(vault.destroy(account, connection)).isTrue();
        assertThat(vault.find(account, connection)).isEmpty();
        assertThat(jdbc.sql("select count(*) from connection_data_key where connection_id = :c")
                        .param("c", connection.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void usesTheKeysetGeneratedInTheDataDirectory() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.store(account, connection, tokens("a", "r"));

        assertThat(rotation.currentKeyId()).startsWith("local:");
        assertThat(jdbc.sql("select kek_id from connection_data_key where connection_id = :c")
                        .param("c", connection.value())
                        .query(String.class)
                        .single())
                .isEqualTo(rotation.currentKeyId());
        assertThat(rotation.rewrap().remainingOnOldKeys()).isZero();
    }
}
