package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.mailboard.app.connections.vault.TokenOwner.Purpose;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Envelope encryption with Tink AEAD: each connection has its own data key (an AES256-GCM keyset), wrapped
 * by the {@link KeyEncryptionKey}; every token is encrypted with the data key and associated data naming
 * its account, connection and purpose (S-35, S-36). Plaintext keys are wiped after use.
 */
final class EnvelopeCipher {

    private final KeyEncryptionKey kek;

    EnvelopeCipher(KeyEncryptionKey kek) {
        TinkSetup.register();
        this.kek = kek;
    }

    /** A data key in memory with its wrapped form, for one call only. */
    record DataKey(Aead aead, WrappedKey wrapped) {}

    DataKey newDataKey(TokenOwner owner) {
        KeysetHandle handle;
        byte[] serialized;
        try {
            handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            serialized = TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not create a data key for connection " + owner.connection(), e);
        }
        try {
            WrappedKey wrapped = kek.wrap(serialized, owner.associatedData(Purpose.DATA_KEY));
            return new DataKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped);
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not create a data key for connection " + owner.connection(), e);
        } finally {
            wipe(serialized);
        }
    }

    Aead openDataKey(TokenOwner owner, WrappedKey wrapped) {
        byte[] serialized = kek.unwrap(wrapped, owner.associatedData(Purpose.DATA_KEY));
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("The data key of connection " + owner.connection() + " is unusable", e);
        } finally {
            wipe(serialized);
        }
    }

    WrappedKey rewrap(TokenOwner owner, WrappedKey wrapped) {
        return kek.rewrap(wrapped, owner.associatedData(Purpose.DATA_KEY));
    }

    String currentKeyId() {
        return kek.currentKeyId();
    }

    static byte[] seal(Aead dataKey, TokenOwner owner, Purpose purpose, SecretToken token) {
        byte[] plaintext = token.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return dataKey.encrypt(plaintext, owner.associatedData(purpose));
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not encrypt a token of connection " + owner.connection(), e);
        } finally {
            wipe(plaintext);
        }
    }

    static SecretToken open(Aead dataKey, TokenOwner owner, Purpose purpose, byte[] ciphertext) {
        byte[] plaintext;
        try {
            plaintext = dataKey.decrypt(ciphertext, owner.associatedData(purpose));
        } catch (GeneralSecurityException e) {
            // Tink says only "decryption failed"; say what that means here.
            throw new TokenVaultException(
                    "The " + purpose.name().toLowerCase(Locale.ROOT) + " token of connection "
                            + owner.connection()
                            + " cannot be decrypted: it was altered, or it belongs to another connection or purpose",
                    e);
        }
        try {
            return SecretToken.of(new String(plaintext, StandardCharsets.UTF_8));
        } finally {
            wipe(plaintext);
        }
    }

    static void wipe(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
    }
}
