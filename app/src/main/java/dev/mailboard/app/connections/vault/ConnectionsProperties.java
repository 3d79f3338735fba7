package dev.mailboard.app.connections.vault;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the connections module's token vault; docs/configuration.md lists them with their variables.
 *
 * @param tokenStore where tokens live: {@code database} (envelope-encrypted) or {@code vault-kv}
 * @param vaultMode where the key-encryption key lives for the database store: {@code local} (a Tink keyset)
 *     or {@code transit} (HashiCorp Vault Transit)
 * @param keyset the local keyset's JSON itself ({@code MAILBOARD_TOKEN_KEYSET}); wins over the file
 * @param keysetFile the local keyset file, by default {@code token-keyset.json} in the data directory
 * @param generateKeyset whether a missing keyset file is generated (owner-only) rather than refused
 * @param rotate at start-up, add a new key-encryption key version (a one-off command)
 * @param rewrap at start-up, re-wrap every data key with the current version (a one-off command)
 * @param vault how to reach HashiCorp Vault
 */
@ConfigurationProperties("mailboard.connections")
record ConnectionsProperties(
        @DefaultValue("database") TokenStoreKind tokenStore,
        @DefaultValue("local") VaultMode vaultMode,
        @Nullable String keyset,
        @Nullable Path keysetFile,
        @DefaultValue("true") boolean generateKeyset,
        @DefaultValue("false") boolean rotate,
        @DefaultValue("false") boolean rewrap,
        @DefaultValue Vault vault) {

    /** Where tokens live. */
    enum TokenStoreKind {
        DATABASE,
        VAULT_KV
    }

    /** Where the key-encryption key of the database store lives. */
    enum VaultMode {
        LOCAL,
        TRANSIT
    }

    /**
     * HashiCorp Vault.
     *
     * @param address the base URL, e.g. {@code https://vault.internal:8200} ({@code MAILBOARD_VAULT_ADDR})
     * @param token the service's Vault token ({@code MAILBOARD_VAULT_TOKEN})
     * @param transitMount the Transit engine's mount path
     * @param transitKey the Transit key that wraps data keys
     * @param kvMount the KV v2 engine's mount path
     * @param kvPrefix the path under the mount that holds one secret per connection
     * @param kvMaxVersions how many versions of a secret KV keeps, 1 to 3
     * @param connectTimeout the connect timeout of every call
     * @param readTimeout the read timeout of every call
     */
    record Vault(
            @Nullable String address,
            @Nullable String token,
            @DefaultValue("transit") String transitMount,
            @DefaultValue("mailboard-tokens") String transitKey,
            @DefaultValue("secret") String kvMount,
            @DefaultValue("mailboard/connections") String kvPrefix,
            @DefaultValue("3") int kvMaxVersions,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout) {

        @Override
        public String toString() {
            return "Vault[address=" + address + ", token=" + (token == null || token.isBlank() ? "none" : "[redacted]")
                    + ", transitMount=" + transitMount + ", transitKey=" + transitKey + ", kvMount=" + kvMount
                    + ", kvPrefix=" + kvPrefix + ", kvMaxVersions=" + kvMaxVersions + "]";
        }
    }

    @Override
    public String toString() {
        return "ConnectionsProperties[tokenStore=" + tokenStore + ", vaultMode=" + vaultMode + ", keyset="
                + (keyset == null || keyset.isBlank() ? "none" : "[redacted]") + ", keysetFile=" + keysetFile
                + ", vault=" + vault + "]";
    }
}
