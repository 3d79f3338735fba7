package dev.mailboard.app.connections.vault;

/**
 * The outcome of {@link KeyRotation#rewrap}.
 *
 * @param total how many data keys were on an older key-encryption key version when the run started
 * @param rewrapped how many of them were re-wrapped with the current version
 * @param remainingOnOldKeys how many data keys are on an older version after the run; 0 when complete
 * @param currentKeyId the key-encryption key version everything should now be on, or {@code none} when the
 *     store keeps no data keys (Vault KV v2)
 */
public record RewrapReport(long total, long rewrapped, long remainingOnOldKeys, String currentKeyId) {

    /**
     * Whether every data key is now on the current version.
     *
     * @return true when nothing remains on an older version
     */
    public boolean isComplete() {
        return remainingOnOldKeys == 0;
    }
}
