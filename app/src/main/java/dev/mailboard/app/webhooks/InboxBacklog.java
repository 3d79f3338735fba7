package dev.mailboard.app.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How much acknowledged work waits in the inbox.
 *
 * @param pending entries not yet completed
 * @param oldestReceivedAt when the oldest of them arrived, or null when there are none
 */
public record InboxBacklog(long pending, @Nullable Instant oldestReceivedAt) {}
