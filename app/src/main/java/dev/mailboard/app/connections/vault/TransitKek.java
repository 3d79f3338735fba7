package dev.mailboard.app.connections.vault;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A key-encryption key held in HashiCorp Vault's Transit engine: data keys are wrapped and unwrapped by
 * {@code /v1/<mount>/encrypt|decrypt|rewrap/<key>}, so the KEK never enters Mailboard's memory (S-36).
 * The associated data is not sent: it binds each token ciphertext under the data key instead, and a
 * wrapped data key moved to another connection fails there.
 */
final class TransitKek implements KeyEncryptionKey {

    private static final Pattern VERSION = Pattern.compile("^vault:v(\\d+):");

    private final VaultHttp vault;
    private final String mount;
    private final String key;

    TransitKek(VaultHttp vault, String mount, String key) {
        this.vault = vault;
        this.mount = mount;
        this.key = key;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] associatedData) {
        JsonNode answer = vault.post(
                "transit encrypt with key " + key,
                "/v1/" + mount + "/encrypt/" + key,
                Map.of("plaintext", Base64.getEncoder().encodeToString(dataKey)));
        return wrapped(answer, "transit encrypt");
    }

    @Override
    @SuppressWarnings("UnusedException") // a base64 error quotes a character of the plaintext key
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
        JsonNode answer = vault.post(
                "transit decrypt with key " + key,
                "/v1/" + mount + "/decrypt/" + key,
                Map.of("ciphertext", new String(wrapped.ciphertext(), StandardCharsets.UTF_8)));
        String plaintext = answer.path("data").path("plaintext").asString("");
        if (plaintext.isEmpty()) {
            throw new TokenVaultException("Vault's transit decrypt answer holds no plaintext");
        }
        try {
            return Base64.getDecoder().decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw new TokenVaultException("Vault's transit decrypt answer is not base64");
        }
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, byte[] associatedData) {
        JsonNode answer = vault.post(
                "transit rewrap with key " + key,
                "/v1/" + mount + "/rewrap/" + key,
                Map.of("ciphertext", new String(wrapped.ciphertext(), StandardCharsets.UTF_8)));
        return wrapped(answer, "transit rewrap");
    }

    @Override
    public String currentKeyId() {
        JsonNode answer = vault.get("transit key read of " + key, "/v1/" + mount + "/keys/" + key)
                .orElseThrow(() -> new TokenVaultException(
                        "Vault's transit engine at " + vault.address() + "/v1/" + mount + " has no key " + key));
        long latest = answer.path("data").path("latest_version").asLong(0);
        if (latest < 1) {
            throw new TokenVaultException("Vault's answer for transit key " + key + " has no latest_version");
        }
        return keyId(latest);
    }

    @Override
    public String rotate() {
        vault.post("transit rotate of key " + key, "/v1/" + mount + "/keys/" + key + "/rotate", Map.of());
        return currentKeyId();
    }

    @Override
    public String description() {
        return "Vault Transit key " + key + " at " + vault.address() + "/v1/" + mount;
    }

    private WrappedKey wrapped(JsonNode answer, String what) {
        String ciphertext = answer.path("data").path("ciphertext").asString("");
        Matcher version = VERSION.matcher(ciphertext);
        if (!version.find()) {
            throw new TokenVaultException("Vault's " + what + " answer holds no vault:v<n>: ciphertext");
        }
        return new WrappedKey(keyId(Long.parseLong(version.group(1))), ciphertext.getBytes(StandardCharsets.UTF_8));
    }

    private String keyId(long version) {
        return "transit:" + key + ":v" + version;
    }
}
