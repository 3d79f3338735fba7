package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.store.IdentityStore;

/** Revokes a user's grants, as "revoke all refresh tokens" does at Microsoft. */
public final class Grants {

    private final IdentityStore store;
    private final SandboxClock clock;

    public Grants(IdentityStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every refresh token and code issued to the user until now stops working (AADSTS50173). */
    public void revokeAll(String userId) {
        store.revokeAll(userId, clock.now().plusMillis(1));
    }
}
