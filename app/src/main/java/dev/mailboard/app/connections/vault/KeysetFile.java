package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.mailboard.app.operations.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads, generates and rewrites the local Tink keyset (cleartext JSON) with owner-only permissions. */
final class KeysetFile {

    static final String SETTING = "MAILBOARD_TOKEN_KEYSET_FILE (mailboard.connections.keyset-file)";
    private static final Logger log = LoggerFactory.getLogger(KeysetFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeysetFile() {}

    static KeysetHandle read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    SETTING,
                    "the keyset file " + file.toAbsolutePath() + " cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    "Make the file readable by the user Mailboard runs as, or point the setting at the right file");
        }
        warnIfReadableByOthers(file);
        return parse(json, SETTING, "the keyset file " + file.toAbsolutePath());
    }

    @SuppressWarnings("UnusedException") // the parser's message may quote the keyset: never pass it on
    static KeysetHandle parse(String json, String setting, String what) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // The parser's message may quote the input; report only that it is not a keyset.
            throw new InvalidConfigurationException(
                    setting,
                    what + " is not a Tink keyset in JSON",
                    "Give a cleartext Tink AEAD keyset (JSON, e.g. made with 'tinkey create-keyset --key-template"
                            + " AES256_GCM'), or restore the original keyset; without it stored tokens cannot be"
                            + " decrypted");
        }
    }

    static KeysetHandle generate(Path file) {
        KeysetHandle keyset;
        try {
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new TokenVaultException("Could not generate a token keyset", e);
        }
        write(file, keyset);
        log.info(
                "Generated a new token keyset in {} (readable only by its owner). Back it up: without it, stored"
                        + " tokens cannot be decrypted.",
                file.toAbsolutePath());
        return keyset;
    }

    /** Replaces the file atomically, so that a crash leaves either the old or the new keyset. */
    static void write(Path file, KeysetHandle keyset) {
        Path target = file.toAbsolutePath();
        try {
            Path dir = Files.createDirectories(target.getParent());
            Path temp = createOwnerOnly(dir);
            try {
                String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConfigurationException(
                    SETTING,
                    "the keyset file " + target + " cannot be written ("
                            + e.getClass().getSimpleName() + ")",
                    "Point the setting at a file in a directory Mailboard may write to");
        }
    }

    private static Path createOwnerOnly(Path dir) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(dir, ".token-keyset", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's access rules apply.
            return Files.createTempFile(dir, ".token-keyset", ".tmp");
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn(
                        "The token keyset file {} is accessible to other users ({}); restrict it with chmod 600",
                        file.toAbsolutePath(),
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | FileSystemException e) {
            // Nothing to check on this file system.
        } catch (IOException e) {
            log.warn("Could not check the permissions of the token keyset file {}", file.toAbsolutePath());
        }
    }
}
