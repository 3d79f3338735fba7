package dev.mailboard.app.connections.vault;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation for the token vault (S-37): {@link #rotate()} adds a new key-encryption key version that new
 * writes use while older versions still decrypt; {@link #rewrap} then moves every stored data key to the
 * current version, after which older versions can be retired. Run both from one instance at a time.
 */
public final class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final TokenStore store;
    private final @Nullable KeyEncryptionKey kek;
    private final Clock clock;

    KeyRotation(TokenStore store, @Nullable KeyEncryptionKey kek) {
        this(store, kek, Clock.systemUTC());
    }

    KeyRotation(TokenStore store, @Nullable KeyEncryptionKey kek, Clock clock) {
        this.store = store;
        this.kek = kek;
        this.clock = clock;
    }

    /** Receives the progress of a rewrap. */
    @FunctionalInterface
    public interface Progress {

        /**
         * Called before the first data key and after each one.
         *
         * @param done how many data keys have been re-wrapped
         * @param total how many need it
         */
        void update(long done, long total);
    }

    /**
     * The key-encryption key version new data keys are wrapped with.
     *
     * @return for example {@code local:1234567} or {@code transit:mailboard-tokens:v3}; {@code none} in
     *     Vault KV v2 mode
     */
    public String currentKeyId() {
        return kek == null ? "none" : kek.currentKeyId();
    }

    /**
     * Adds a new key-encryption key version and makes it the one new writes use; old versions still
     * decrypt. A local keyset file is rewritten in place (other instances pick it up on restart); Vault
     * Transit rotates its key.
     *
     * @return the new current key id
     * @throws TokenVaultException when there is nothing to rotate here or the rotation failed
     */
    public String rotate() {
        if (kek == null) {
            throw new TokenVaultException("Tokens are kept in Vault KV v2: there is no key-encryption key to"
                    + " rotate here (Vault protects KV with its own keyring)");
        }
        String current = kek.rotate();
        log.info("Rotated the token key-encryption key ({}): new writes use {}", kek.description(), current);
        return current;
    }

    /**
     * Re-wraps every stored data key that is on an older key-encryption key version with the current one.
     *
     * @param progress told the count done and the total as it goes
     * @return how many were re-wrapped and how many remain on older versions (0 when complete)
     */
    public RewrapReport rewrap(Progress progress) {
        RewrapReport report = store.rewrap(progress);
        log.info(
                "Token key rewrap finished: {} of {} data keys re-wrapped to {}; {} remain on older versions",
                report.rewrapped(),
                report.total(),
                report.currentKeyId(),
                report.remainingOnOldKeys());
        return report;
    }

    /**
     * Re-wraps every stored data key, logging the count at the start, progress every 500 keys or every five
     * seconds ("rewrapped 1,200 of 5,000 data keys"), and a final line.
     *
     * @return the report
     */
    public RewrapReport rewrap() {
        return rewrap(new RewrapProgressLog(clock, 500, Duration.ofSeconds(5), log::info));
    }
}
