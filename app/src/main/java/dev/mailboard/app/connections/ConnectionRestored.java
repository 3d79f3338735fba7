package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connection that needed reconnecting was connected again; mail since {@code accessLostAt} may have been missed and should be backfilled. Published in the transaction that made the change.
 *
 * @param connectionId the connection
 * @param accountId its account
 * @param ownerId the user who connected it
 * @param accessLostAt when access was lost (null if unknown)
 * @param at when it happened
 */
public record ConnectionRestored(
        ConnectionId connectionId,
        AccountId accountId,
        UserId ownerId,
        @Nullable Instant accessLostAt,
        Instant at) {}
