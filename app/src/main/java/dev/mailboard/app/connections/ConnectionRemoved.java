package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.time.Instant;

/**
 * A connection was disconnected and its tokens destroyed; delete its Graph subscriptions (best effort). Published in the transaction that made the change.
 *
 * @param connectionId the connection
 * @param accountId its account
 * @param ownerId the user who connected it
 * @param mailboxAddress the mailbox it was
 * @param at when it happened
 */
public record ConnectionRemoved(
        ConnectionId connectionId, AccountId accountId, UserId ownerId, String mailboxAddress, Instant at) {}
