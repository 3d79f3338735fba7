package dev.mailboard.app.accounts;

/**
 * Published once, inside the first start's transaction, right after the "Demo" account and its first admin
 * were created on an empty database; listeners may add sample content for that admin.
 *
 * @param account the Demo account
 * @param admin its first admin
 */
public record FirstStartCompleted(AccountId account, UserId admin) {}
