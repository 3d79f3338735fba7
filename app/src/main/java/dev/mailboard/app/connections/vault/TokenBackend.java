package dev.mailboard.app.connections.vault;

import dev.mailboard.app.operations.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token store and key-encryption key chosen by the settings. There is no plaintext mode: without a
 * usable key or Vault, creating it fails with a message naming the setting and the fix (S-34).
 */
record TokenBackend(TokenStore store, @Nullable KeyEncryptionKey kek) {

    private static final Logger log = LoggerFactory.getLogger(TokenBackend.class);
    private static final Pattern VAULT_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    static TokenBackend create(
            ConnectionsProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        ConnectionsProperties.Vault vault = properties.vault();
        if (properties.tokenStore() == ConnectionsProperties.TokenStoreKind.VAULT_KV) {
            if (vault.kvMaxVersions() < 1 || vault.kvMaxVersions() > 3) {
                throw new InvalidConfigurationException(
                        "MAILBOARD_VAULT_KV_MAX_VERSIONS (mailboard.connections.vault.kv-max-versions)",
                        vault.kvMaxVersions() + " is outside 1 to 3",
                        "Keep at most 3 versions, so that old tokens do not linger in Vault");
            }
            VaultHttp http = http(vault, "MAILBOARD_TOKEN_STORE=vault-kv");
            return new TokenBackend(
                    new VaultKvTokenStore(
                            http,
                            name(vault.kvMount(), "kv-mount"),
                            name(vault.kvPrefix(), "kv-prefix"),
                            vault.kvMaxVersions()),
                    null);
        }
        KeyEncryptionKey kek =
                properties.vaultMode() == ConnectionsProperties.VaultMode.TRANSIT ? transit(vault) : local(properties);
        return new TokenBackend(new JdbcTokenStore(jdbc, transactions, new EnvelopeCipher(kek), clock), kek);
    }

    private static KeyEncryptionKey local(ConnectionsProperties properties) {
        String keyset = properties.keyset();
        if (keyset != null && !keyset.isBlank()) {
            return LocalKeysetKek.fromJson(keyset);
        }
        Path file = properties.keysetFile();
        if (file == null) {
            throw new InvalidConfigurationException(
                    KeysetFile.SETTING,
                    "no token keyset is configured",
                    "Set MAILBOARD_TOKEN_KEYSET to a Tink keyset, MAILBOARD_TOKEN_KEYSET_FILE to its file, or"
                            + " MAILBOARD_VAULT_MODE=transit with MAILBOARD_VAULT_ADDR and MAILBOARD_VAULT_TOKEN");
        }
        return LocalKeysetKek.fromFile(file, properties.generateKeyset());
    }

    private static KeyEncryptionKey transit(ConnectionsProperties.Vault vault) {
        TransitKek kek = new TransitKek(
                http(vault, "MAILBOARD_VAULT_MODE=transit"),
                name(vault.transitMount(), "transit-mount"),
                name(vault.transitKey(), "transit-key"));
        try {
            log.info("Token data keys are wrapped by {}, now at {}", kek.description(), kek.currentKeyId());
        } catch (TokenVaultException e) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_VAULT_ADDR (mailboard.connections.vault.address)",
                    String.valueOf(e.getMessage()),
                    "Check the address and MAILBOARD_VAULT_TOKEN, that the token's policy allows read on"
                            + " transit/keys/<key> and update on transit/encrypt|decrypt|rewrap/<key>, and that"
                            + " the key exists ('vault write -f transit/keys/" + vault.transitKey() + "')");
        }
        return kek;
    }

    private static VaultHttp http(ConnectionsProperties.Vault vault, String mode) {
        String address = vault.address();
        if (address == null || address.isBlank()) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_VAULT_ADDR (mailboard.connections.vault.address)",
                    "it is not set, but " + mode + " needs Vault",
                    "Set it to Vault's address, e.g. https://vault.internal:8200, or use the local keyset"
                            + " (MAILBOARD_VAULT_MODE=local, MAILBOARD_TOKEN_STORE=database)");
        }
        URI uri = uri(address);
        String token = vault.token();
        if (token == null || token.isBlank()) {
            throw new InvalidConfigurationException(
                    "MAILBOARD_VAULT_TOKEN (mailboard.connections.vault.token)",
                    "it is not set, but " + mode + " needs a Vault token",
                    "Give Mailboard a short-lived, renewable token whose policy covers only its paths");
        }
        if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            log.warn("MAILBOARD_VAULT_ADDR uses http: the Vault token and data keys cross the network unencrypted");
        }
        return new VaultHttp(uri, token, vault.connectTimeout(), vault.readTimeout());
    }

    private static URI uri(String address) {
        try {
            URI uri = URI.create(address.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidConfigurationException(
                "MAILBOARD_VAULT_ADDR (mailboard.connections.vault.address)",
                "'" + address + "' is not an absolute http(s) URL",
                "Set it to Vault's address, e.g. https://vault.internal:8200");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static String name(String value, String setting) {
        if (!VAULT_PATH.matcher(value).matches()) {
            throw new InvalidConfigurationException(
                    "mailboard.connections.vault." + setting,
                    "'" + value + "' is not a Vault path",
                    "Use letters, digits, '.', '_', '-' and '/' between path segments");
        }
        return value;
    }
}
