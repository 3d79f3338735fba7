package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.mailboard.app.operations.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * A key-encryption key from a local Tink AEAD keyset: new data keys are wrapped with its primary key, and
 * every key in the keyset still unwraps (Tink finds it by the key id in the ciphertext's prefix).
 */
final class LocalKeysetKek implements KeyEncryptionKey {

    static final String KEYSET_SETTING = "MAILBOARD_TOKEN_KEYSET (mailboard.connections.keyset)";

    private final @Nullable Path file;
    private volatile Current current;

    /** The keyset and its primitive, swapped together on rotation. */
    private record Current(KeysetHandle keyset, Aead aead) {}

    private LocalKeysetKek(@Nullable Path file, KeysetHandle keyset, String setting) {
        TinkSetup.register();
        this.file = file;
        this.current = new Current(keyset, primitive(keyset, setting));
    }

    /** From the keyset JSON itself (an environment variable); such a keyset cannot be rotated in place. */
    static LocalKeysetKek fromJson(String json) {
        TinkSetup.register();
        return new LocalKeysetKek(
                null, KeysetFile.parse(json, KEYSET_SETTING, "the value of MAILBOARD_TOKEN_KEYSET"), KEYSET_SETTING);
    }

    /** From a keyset file, generated with owner-only permissions when absent and generation is allowed. */
    static LocalKeysetKek fromFile(Path file, boolean generateWhenAbsent) {
        TinkSetup.register();
        if (Files.exists(file)) {
            return new LocalKeysetKek(file, KeysetFile.read(file), KeysetFile.SETTING);
        }
        if (!generateWhenAbsent) {
            throw new InvalidConfigurationException(
                    KeysetFile.SETTING,
                    "the keyset file " + file.toAbsolutePath() + " does not exist and generating one is switched off",
                    "Restore the keyset file, set MAILBOARD_TOKEN_KEYSET, or allow a new keyset with"
                            + " MAILBOARD_TOKEN_KEYSET_GENERATE=true (tokens stored under a lost keyset stay"
                            + " unreadable)");
        }
        return new LocalKeysetKek(file, KeysetFile.generate(file), KeysetFile.SETTING);
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] associatedData) {
        Current now = current;
        try {
            byte[] ciphertext = now.aead().encrypt(dataKey, associatedData);
            return new WrappedKey(keyId(now.keyset()), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not wrap a data key with the local keyset", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
        try {
            return current.aead().decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException(
                    "A data key wrapped by " + wrapped.kekId()
                            + " cannot be unwrapped: its key is not in the local keyset any more, or the wrapped key was"
                            + " altered or moved to another connection",
                    e);
        }
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, byte[] associatedData) {
        byte[] dataKey = unwrap(wrapped, associatedData);
        try {
            return wrap(dataKey, associatedData);
        } finally {
            EnvelopeCipher.wipe(dataKey);
        }
    }

    @Override
    public String currentKeyId() {
        return keyId(current.keyset());
    }

    @Override
    public synchronized String rotate() {
        Path target = file;
        if (target == null) {
            throw new TokenVaultException("The local keyset comes from MAILBOARD_TOKEN_KEYSET and cannot be rotated"
                    + " in place: add a new primary key with Tinkey and update the variable (see"
                    + " docs/token-vault.md)");
        }
        KeysetHandle rotated;
        try {
            rotated = KeysetHandle.newBuilder(current.keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not add a key to the local keyset", e);
        }
        KeysetFile.write(target, rotated);
        this.current = new Current(rotated, primitive(rotated, KeysetFile.SETTING));
        return keyId(rotated);
    }

    @Override
    public String description() {
        return file == null ? "the local keyset from MAILBOARD_TOKEN_KEYSET" : "the local keyset file " + file;
    }

    private static String keyId(KeysetHandle keyset) {
        return "local:" + Integer.toUnsignedString(keyset.getPrimary().getId());
    }

    @SuppressWarnings("UnusedException") // the start-up report names the setting; Tink's detail adds nothing
    private static Aead primitive(KeysetHandle keyset, String setting) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(
                    setting,
                    "the keyset holds no usable AEAD key",
                    "Give a Tink keyset of AES256_GCM keys with an enabled primary key");
        }
    }
}
