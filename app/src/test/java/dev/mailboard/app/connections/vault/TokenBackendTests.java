package dev.mailboard.app.connections.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.operations.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refuses to run without a usable key; there is no plaintext mode (covers S-34, S-39). */
class TokenBackendTests {

    @TempDir
    Path dir;

    private final VaultFixture db = new VaultFixture();

    @Test
    void generatesAKeysetOnFirstStartAndReadsItOnTheNext() {
        Path file = dir.resolve("token-keyset.json");

        TokenBackend first = create(properties(ConnectionsProperties.VaultMode.LOCAL, null, file, true, vault(null)));
        TokenBackend second = create(properties(ConnectionsProperties.VaultMode.LOCAL, null, file, false, vault(null)));

        assertThat(Files.exists(file)).isTrue();
        assertThat(second.kek()).isNotNull();
        assertThat(second.kek().currentKeyId()).isEqualTo(first.kek().currentKeyId());
    }

    @Test
    void refusesToStartWithoutAKeysetWhenGeneratingIsOff() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(
                        () -> create(properties(ConnectionsProperties.VaultMode.LOCAL, null, file, false, vault(null))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("MAILBOARD_TOKEN_KEYSET_FILE");
                    assertThat(e.getMessage()).contains("does not exist");
                    assertThat(e.fix()).contains("MAILBOARD_TOKEN_KEYSET");
                });
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void refusesACorruptKeysetFile() throws Exception {
        Path file = Files.writeString(dir.resolve("token-keyset.json"), "{\"primaryKeyId\": 1, \"key\": [oops");

        assertThatThrownBy(
                        () -> create(properties(ConnectionsProperties.VaultMode.LOCAL, null, file, true, vault(null))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("mailboard.connections.keyset-file");
                    assertThat(e.getMessage()).contains("is not a Tink keyset").doesNotContain("oops");
                    assertThat(e.fix()).contains("tinkey");
                });
    }

    @Test
    void refusesAnUnreadableKeysetFile() throws Exception {
        // A directory where the file should be: unreadable even for root, which these tests may run as.
        Path file = Files.createDirectory(dir.resolve("token-keyset.json"));

        assertThatThrownBy(
                        () -> create(properties(ConnectionsProperties.VaultMode.LOCAL, null, file, true, vault(null))))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("cannot be read"));
    }

    @Test
    void refusesAKeysetVariableThatIsNotAKeysetAndDoesNotQuoteIt() {
        assertThatThrownBy(() -> create(properties(
                        ConnectionsProperties.VaultMode.LOCAL, "not-a-keyset-secret-value", null, true, vault(null))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("MAILBOARD_TOKEN_KEYSET");
                    assertThat(e.getMessage()).doesNotContain("not-a-keyset-secret-value");
                });
    }

    @Test
    void refusesTransitWithoutAnAddress() {
        assertThatThrownBy(() ->
                        create(properties(ConnectionsProperties.VaultMode.TRANSIT, null, null, true, vault(null))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("MAILBOARD_VAULT_ADDR");
                    assertThat(e.getMessage()).contains("MAILBOARD_VAULT_MODE=transit needs Vault");
                });
    }

    @Test
    void refusesTransitWithoutAToken() {
        ConnectionsProperties.Vault vault = new ConnectionsProperties.Vault(
                "https://vault.example:8200",
                " ",
                "transit",
                "k",
                "secret",
                "p",
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> create(properties(ConnectionsProperties.VaultMode.TRANSIT, null, null, true, vault)))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.setting()).contains("MAILBOARD_VAULT_TOKEN"));
    }

    @Test
    void refusesTransitWhenVaultCannotBeReached() {
        assertThatThrownBy(() -> create(properties(
                        ConnectionsProperties.VaultMode.TRANSIT, null, null, true, vault("http://127.0.0.1:9"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("MAILBOARD_VAULT_ADDR");
                    assertThat(e.getMessage()).contains("did not answer");
                    assertThat(e.fix()).contains("transit/keys/mailboard-tokens");
                });
    }

    @Test
    void refusesKvWithMoreThanThreeVersions() {
        ConnectionsProperties.Vault vault = new ConnectionsProperties.Vault(
                "https://vault.example:8200",
                "t",
                "transit",
                "k",
                "secret",
                "p",
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        ConnectionsProperties properties = new ConnectionsProperties(
                ConnectionsProperties.TokenStoreKind.VAULT_KV,
                ConnectionsProperties.VaultMode.LOCAL,
                null,
                null,
                true,
                false,
                false,
                vault);

        assertThatThrownBy(() -> create(properties))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.setting()).contains("kv-max-versions"));
    }

    @Test
    void propertiesPrintWithoutSecrets() {
        ConnectionsProperties.Vault vault = new ConnectionsProperties.Vault(
                "https://vault.example:8200",
                "hvs.secret-token",
                "transit",
                "k",
                "secret",
                "p",
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        ConnectionsProperties properties = new ConnectionsProperties(
                ConnectionsProperties.TokenStoreKind.DATABASE,
                ConnectionsProperties.VaultMode.LOCAL,
                "{keyset-json}",
                null,
                true,
                false,
                false,
                vault);

        assertThat(properties.toString()).doesNotContain("hvs.secret-token").doesNotContain("keyset-json");
    }

    private TokenBackend create(ConnectionsProperties properties) {
        return TokenBackend.create(properties, db.jdbc, db.transactions, Clock.systemUTC());
    }

    private static ConnectionsProperties properties(
            ConnectionsProperties.VaultMode mode,
            @Nullable String keyset,
            @Nullable Path file,
            boolean generate,
            ConnectionsProperties.Vault vault) {
        return new ConnectionsProperties(
                ConnectionsProperties.TokenStoreKind.DATABASE, mode, keyset, file, generate, false, false, vault);
    }

    private static ConnectionsProperties.Vault vault(@Nullable String address) {
        return new ConnectionsProperties.Vault(
                address,
                "test-vault-token",
                "transit",
                "mailboard-tokens",
                "secret",
                "mailboard/connections",
                3,
                Duration.ofMillis(500),
                Duration.ofMillis(500));
    }
}
