package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.time.Instant;

/**
 * The provider refused a connection's grant; its integrations and subscriptions must pause until the owner reconnects. Published in the transaction that made the change.
 *
 * @param connectionId the connection
 * @param accountId its account
 * @param ownerId the user who connected it
 * @param accessLostAt when access was lost
 * @param at when it happened
 */
public record ConnectionNeedsReconnect(
        ConnectionId connectionId, AccountId accountId, UserId ownerId, Instant accessLostAt, Instant at) {}
