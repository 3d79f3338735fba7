package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.time.Instant;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox connection as other modules, pages and the API see it; no token in it. Only integrations of
 * {@link #ownerId()} may use the connection (S-48).
 *
 * @param id the connection
 * @param accountId its account
 * @param ownerId the user who connected it
 * @param mailboxAddress the mailbox's address
 * @param status whether it can be used
 * @param scopes the scopes granted
 * @param connectedAt when it was (last) connected
 * @param lastRefreshAt when its access token was last refreshed, or null
 * @param accessLostAt when the provider last refused its grant, or null
 */
public record ConnectionView(
        ConnectionId id,
        AccountId accountId,
        UserId ownerId,
        String mailboxAddress,
        ConnectionStatus status,
        SortedSet<String> scopes,
        Instant connectedAt,
        @Nullable Instant lastRefreshAt,
        @Nullable Instant accessLostAt) {

    /**
     * Whether mail can be sent with it ({@code Mail.Send} granted).
     *
     * @return true when sending was consented to
     */
    public boolean maySend() {
        return scopes.stream().anyMatch("Mail.Send"::equalsIgnoreCase);
    }

    /**
     * Whether the given user connected it.
     *
     * @param user a user
     * @return true for the owner
     */
    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }
}
