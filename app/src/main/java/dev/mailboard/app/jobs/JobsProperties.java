package dev.mailboard.app.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job engine.
 *
 * @param threads worker threads per instance; jobs wait on Microsoft, so size it near rate x latency x 1.5
 * @param pollingInterval how often an instance looks for due jobs it was not told about
 * @param maxAttempts runs before a failing job goes to the dead-letter table
 * @param backoffBase the first retry delay; it doubles each attempt (with full jitter)
 * @param backoffCap the longest retry delay
 * @param enabled whether this instance runs jobs at all (enqueuing always works)
 */
@ConfigurationProperties("mailboard.jobs")
record JobsProperties(
        @DefaultValue("32") int threads,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("15m") Duration backoffCap,
        @DefaultValue("true") boolean enabled) {}
