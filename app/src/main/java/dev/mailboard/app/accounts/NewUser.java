package dev.mailboard.app.accounts;

/**
 * A command to create a user in an account.
 *
 * @param accountId the account the user joins
 * @param email the login address (unique across Mailboard)
 * @param displayName the name shown in pages
 * @param role the account role
 */
public record NewUser(AccountId accountId, String email, String displayName, Role role) {}
