package dev.mailboard.app.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * An account as other modules and the API see it.
 *
 * @param id the account
 * @param name its display name
 * @param integrationCreatorRoles the roles that may create integrations (account permission)
 * @param createdAt when it was created
 */
public record AccountView(AccountId id, String name, Set<Role> integrationCreatorRoles, Instant createdAt) {

    /**
     * Whether a user of the given role may create integrations in this account.
     *
     * @param role the user's role
     * @return true when the account permission includes the role
     */
    public boolean mayCreateIntegrations(Role role) {
        return integrationCreatorRoles.contains(role);
    }
}
