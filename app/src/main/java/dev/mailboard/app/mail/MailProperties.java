package dev.mailboard.app.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail path (the Graph client's own settings are under {@code mailboard.mail.graph}).
 *
 * @param catchUpInterval how often every watched Inbox is caught up with a delta round (S-70)
 * @param drainBatchSize how many inbox entries one drain run claims
 * @param drainSweepInterval how often the inbox is swept for entries no drain job picked up
 * @param drainLease how long a claimed entry is held before another worker may take it (a crash)
 * @param retryDelay how long entries wait when their whole mailbox failed without a Retry-After
 * @param subscriptionLifetime the lifetime asked for a new or renewed subscription (Graph caps it)
 * @param renewCheckInterval how often subscriptions due for renewal are looked for
 * @param reconcileInterval how often Graph's subscription list is compared with the database (S-30)
 */
@ConfigurationProperties("mailboard.mail")
record MailProperties(
        @DefaultValue("15m") Duration catchUpInterval,
        @DefaultValue("100") int drainBatchSize,
        @DefaultValue("5s") Duration drainSweepInterval,
        @DefaultValue("2m") Duration drainLease,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("3d") Duration subscriptionLifetime,
        @DefaultValue("1m") Duration renewCheckInterval,
        @DefaultValue("1h") Duration reconcileInterval) {}
