package dev.mailboard.app.connections.vault;

import static dev.mailboard.app.connections.vault.VaultFixture.account;
import static dev.mailboard.app.connections.vault.VaultFixture.connection;
import static dev.mailboard.app.connections.vault.VaultFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation of the local key-encryption key and rewrap of data keys (covers S-37). */
class KeyRotationTests {

    @TempDir
    Path dir;

    private VaultFixture db;
    private Path keysetFile;
    private VaultFixture.Vault vault;

    @BeforeEach
    void setUp() {
        db = new VaultFixture();
        keysetFile = dir.resolve("keys/token-keyset.json");
        vault = db.localVault(keysetFile);
    }

    @Test
    void generatesTheKeysetFileOwnerOnly() throws Exception {
        assertThat(Files.exists(keysetFile)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysetFile)))
                .isEqualTo("rw-------");
        KeysetHandle keyset =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        assertThat(keyset.size()).isEqualTo(1);
    }

    @Test
    void newWritesUseTheNewKeyOldOnesStillDecryptAndRewrapMovesThemAll() throws Exception {
        AccountId account = account();
        List<ConnectionId> old = List.of(connection(), connection(), connection());
        for (ConnectionId connection : old) {
            vault.tokens().store(account, connection, tokens("old-" + connection, "refresh-" + connection));
        }
        String oldKey = vault.rotation().currentKeyId();

        String newKey = vault.rotation().rotate();
        ConnectionId fresh = connection();
        vault.tokens().store(account, fresh, tokens("new-access", "new-refresh"));

        assertThat(newKey).isNotEqualTo(oldKey).startsWith("local:");
        assertThat(keyIds()).containsExactlyInAnyOrder(oldKey, oldKey, oldKey, newKey);
        for (ConnectionId connection : old) {
            assertThat(vault.tokens()
                            .find(account, connection)
                            .orElseThrow()
                            .tokens()
                            .accessToken()
                            .reveal())
                    .isEqualTo("old-" + connection);
        }
        // The rotated keyset was written back, still owner-only, with both keys.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysetFile)))
                .isEqualTo("rw-------");
        assertThat(LocalKeysetKek.fromFile(keysetFile, false).currentKeyId()).isEqualTo(newKey);

        List<long[]> progress = new ArrayList<>();
        RewrapReport report = vault.rotation().rewrap((done, total) -> progress.add(new long[] {done, total}));

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.rewrapped()).isEqualTo(3);
        assertThat(report.remainingOnOldKeys()).isZero();
        assertThat(report.isComplete()).isTrue();
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/3", "1/3", "2/3", "3/3");
        assertThat(keyIds()).containsOnly(newKey);
        for (ConnectionId connection : old) {
            assertThat(vault.tokens()
                            .find(account, connection)
                            .orElseThrow()
                            .tokens()
                            .accessToken()
                            .reveal())
                    .isEqualTo("old-" + connection);
        }

        // Proof that nothing needs the old key any more: a keyset holding only the new key reads everything.
        KeysetHandle rotated = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(keysetFile, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        KeysetHandle newOnly = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(rotated.getPrimary().getKey())
                        .withFixedId(rotated.getPrimary().getId())
                        .makePrimary())
                .build();
        TokenVault retired = db.vault(LocalKeysetKek.fromJson(
                        TinkJsonProtoKeysetFormat.serializeKeyset(newOnly, InsecureSecretKeyAccess.get())))
                .tokens();
        for (ConnectionId connection : old) {
            assertThat(retired.find(account, connection)).isPresent();
        }
        assertThat(retired.find(account, fresh)).isPresent();
    }

    @Test
    void aRewrapWithNothingOnOldKeysDoesNothing() {
        vault.tokens().store(account(), connection(), tokens("a", "r"));

        RewrapReport report = vault.rotation().rewrap();

        assertThat(report.total()).isZero();
        assertThat(report.remainingOnOldKeys()).isZero();
    }

    @Test
    void withoutTheKeyThatWrappedADataKeyTheTokensDoNotDecrypt() {
        AccountId account = account();
        ConnectionId connection = connection();
        vault.tokens().store(account, connection, tokens("a", "r"));

        TokenVault otherKey = db.localVault(dir.resolve("another-keyset.json")).tokens();

        assertThatThrownBy(() -> otherKey.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void aKeysetFromTheEnvironmentCannotBeRotatedInPlace() throws Exception {
        LocalKeysetKek fromEnvironment = LocalKeysetKek.fromJson(Files.readString(keysetFile));

        assertThatThrownBy(fromEnvironment::rotate)
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("MAILBOARD_TOKEN_KEYSET");
    }

    private List<String> keyIds() {
        return db.jdbc
                .sql("select kek_id from connection_data_key")
                .query(String.class)
                .list();
    }
}
