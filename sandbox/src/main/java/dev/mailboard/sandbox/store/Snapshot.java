package dev.mailboard.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the sandbox persists, as written to {@code state.json}. */
record Snapshot(
        int version,
        Duration clockOffset,
        long seq,
        List<Mailbox> mailboxes,
        List<StoredMessage> messages,
        List<Tombstone> tombstones,
        List<SentRecord> sent,
        List<AppRegistration> apps,
        List<RefreshGrant> refreshTokens,
        Map<String, Instant> tokensValidFrom,
        List<SubscriptionRecord> subscriptions) {}
