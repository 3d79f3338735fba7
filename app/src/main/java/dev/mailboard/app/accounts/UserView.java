package dev.mailboard.app.accounts;

import java.time.Instant;

/**
 * A user as other modules and the API see it: never with a password or its hash.
 *
 * @param id the user
 * @param accountId the user's account
 * @param email the login address
 * @param displayName the name shown in pages
 * @param role the account role
 * @param status {@code active}, {@code invited} or {@code deactivated}
 * @param createdAt when the user was created or invited
 */
public record UserView(
        UserId id, AccountId accountId, String email, String displayName, Role role, String status, Instant createdAt) {

    /**
     * Whether the user may currently sign in and act.
     *
     * @return true when active
     */
    public boolean isActive() {
        return "active".equals(status);
    }
}
