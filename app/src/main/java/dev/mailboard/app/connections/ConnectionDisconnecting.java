package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;

/**
 * A connection is about to be disconnected: its tokens still work, for the last time. Published
 * synchronously inside {@link Connections#disconnect}, before the tokens are destroyed, so that listeners
 * can clean up at the provider (the mail module deletes the Graph subscriptions, S-18). A listener must be
 * quick and must not fail the disconnect: what it cannot do is left to expire.
 *
 * @param connectionId the connection
 * @param accountId its account
 */
public record ConnectionDisconnecting(ConnectionId connectionId, AccountId accountId) {}
