package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.time.Instant;

/**
 * A mailbox was connected for the first time; it is active. Published in the transaction that made the change.
 *
 * @param connectionId the connection
 * @param accountId its account
 * @param ownerId the user who connected it
 * @param mailboxAddress the mailbox
 * @param at when it happened
 */
public record ConnectionEstablished(
        ConnectionId connectionId, AccountId accountId, UserId ownerId, String mailboxAddress, Instant at) {}
