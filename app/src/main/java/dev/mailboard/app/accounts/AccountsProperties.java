package dev.mailboard.app.accounts;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module.
 *
 * @param adminEmail the first admin's address, created on an empty database
 * @param adminPassword the first admin's password; when blank a random one is generated, printed
 *     once and written to {@code adminPasswordFile}
 * @param adminPasswordFile where a generated first-admin password is written (owner-only)
 * @param lockout how repeated failed sign-ins are slowed down and locked
 * @param invitationValidity how long an invitation link works
 */
@ConfigurationProperties("mailboard.accounts")
record AccountsProperties(
        String adminEmail,
        @Nullable String adminPassword,
        Path adminPasswordFile,
        @DefaultValue Lockout lockout,
        @DefaultValue("P7D") Duration invitationValidity) {

    AccountsProperties {
        if (invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException(
                    "mailboard.accounts.invitation-validity must be positive, for example P7D (7 days)");
        }
    }

    @Override
    public String toString() {
        return "AccountsProperties[adminEmail=" + adminEmail + ", adminPasswordFile=" + adminPasswordFile + ", lockout="
                + lockout + ", invitationValidity=" + invitationValidity + "]";
    }

    /**
     * Failed sign-ins of one user: from the {@code slowdownAfter}-th failure in a row each further
     * failure pauses sign-in for {@code slowdownDelay}, doubling each time; from the {@code
     * maxFailures}-th the user is locked for {@code lockDuration}. A successful sign-in resets the count.
     *
     * @param slowdownAfter failures in a row before sign-in is paused
     * @param slowdownDelay the first pause
     * @param maxFailures failures in a row that lock the user
     * @param lockDuration how long the lock lasts
     */
    record Lockout(
            @DefaultValue("3") int slowdownAfter,
            @DefaultValue("1s") Duration slowdownDelay,
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration lockDuration) {

        Lockout {
            if (slowdownAfter < 1 || maxFailures < slowdownAfter) {
                throw new IllegalArgumentException("mailboard.accounts.lockout.slowdown-after must be at least 1 and"
                        + " mailboard.accounts.lockout.max-failures at least as large (defaults 3 and 5)");
            }
            if (slowdownDelay.isNegative() || lockDuration.isNegative() || lockDuration.isZero()) {
                throw new IllegalArgumentException("mailboard.accounts.lockout.slowdown-delay must not be negative and"
                        + " mailboard.accounts.lockout.lock-duration must be positive, for example 15m");
            }
        }

        /**
         * Until when a user is paused or locked after this many failures in a row.
         *
         * @param failures the failures in a row, counting the one just now
         * @return how long sign-in stays refused, zero for not at all
         */
        Duration pauseAfter(int failures) {
            if (failures >= maxFailures) {
                return lockDuration;
            }
            if (failures >= slowdownAfter) {
                Duration pause = slowdownDelay.multipliedBy(1L << Math.min(failures - slowdownAfter, 16));
                return pause.compareTo(lockDuration) > 0 ? lockDuration : pause;
            }
            return Duration.ZERO;
        }
    }
}
