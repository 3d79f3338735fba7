package dev.mailboard.app.accounts;

/**
 * The signed-in user of the current request, whether they came with a session or an API token.
 * Controllers of every module take it as a method parameter.
 *
 * @param userId the user
 * @param accountId the user's account: every id in a request is checked against it
 * @param email the login address
 * @param displayName the name shown in pages
 * @param role the user's account role
 */
public record CurrentUser(UserId userId, AccountId accountId, String email, String displayName, Role role) {

    /**
     * Whether this user administers their account.
     *
     * @return true for admins
     */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
