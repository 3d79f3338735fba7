package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;

/**
 * How far a running catch-up round over a mailbox's Inbox has got.
 *
 * @param connection the mailbox connection
 * @param startedAt when the round began
 * @param pages how many delta pages it has read
 * @param checked how many emails those pages listed
 */
public record CatchUpStatus(ConnectionId connection, Instant startedAt, int pages, int checked) {}
