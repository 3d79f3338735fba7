package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserId;

/**
 * An {@link Actor} resolved against its user: the account every id is checked against, whether the
 * user administers it, and the author to record.
 */
record Caller(UserId userId, AccountId accountId, Role accountRole, Author author) {

    boolean isAccountAdmin() {
        return accountRole == Role.ADMIN;
    }
}
