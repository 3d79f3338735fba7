package dev.mailboard.app.connections.vault;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh in-memory H2 database with Mailboard's migrations, and vaults on top of it, without Spring. */
final class VaultFixture {

    final JdbcClient jdbc;
    final TransactionTemplate transactions;

    VaultFixture() {
        String url = "jdbc:h2:mem:vault_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A vault whose key-encryption key is a local keyset file, generated on first use. */
    Vault localVault(Path keysetFile) {
        return vault(LocalKeysetKek.fromFile(keysetFile, true));
    }

    Vault vault(KeyEncryptionKey kek) {
        JdbcTokenStore store = new JdbcTokenStore(jdbc, transactions, new EnvelopeCipher(kek), Clock.systemUTC());
        return new Vault(new TokenVault(store), new KeyRotation(store, kek), kek);
    }

    record Vault(TokenVault tokens, KeyRotation rotation, KeyEncryptionKey kek) {}

    static AccountId account() {
        return new AccountId(UUID.randomUUID());
    }

    static OAuthTokens tokens(String access, String refresh) {
        return OAuthTokens.of(
                SecretToken.of(access),
                SecretToken.of(refresh),
                Instant.parse("2030-01-01T10:00:00Z"),
                Set.of("openid", "offline_access", "Mail.Read", "User.Read"));
    }

    static ConnectionId connection() {
        return ConnectionId.random();
    }
}
