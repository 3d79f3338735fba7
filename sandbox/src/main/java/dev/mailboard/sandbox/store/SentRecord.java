package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.List;

/** A message a mailbox sent, with the sandbox mailboxes it reached and the outside addresses it did not. */
public record SentRecord(
        String mailboxId,
        String messageId,
        Instant sentAt,
        List<String> deliveredTo,
        List<String> external,
        MessageContent content) {}
