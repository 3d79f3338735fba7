package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.List;

/** What a message says: everything the sender chose, as opposed to where it is. */
public record MessageContent(
        String subject,
        String bodyType,
        String body,
        Recipient from,
        Recipient sender,
        List<Recipient> to,
        List<Recipient> cc,
        List<Recipient> bcc,
        List<Recipient> replyTo,
        String internetMessageId,
        String conversationId,
        List<Header> headers,
        List<Attachment> attachments,
        String importance,
        Instant sentAt) {}
