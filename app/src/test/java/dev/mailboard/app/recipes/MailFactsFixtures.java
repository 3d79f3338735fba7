package dev.mailboard.app.recipes;

import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailAttachment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Mails for recipe tests. */
final class MailFactsFixtures {

    private MailFactsFixtures() {}

    static MailFacts mail(String from, String subject, String body) {
        return new MailFacts(
                "msg-" + UUID.randomUUID(),
                "<" + UUID.randomUUID() + "@example.com>",
                "conv-" + UUID.randomUUID(),
                subject,
                from,
                "Ana Sender",
                List.of("support@acme.test"),
                List.of("copy@partner.example"),
                Instant.parse("2026-11-20T10:15:30Z"),
                null,
                List.of(),
                "<p>" + body + "</p>",
                "<p>" + body + "</p>",
                "normal",
                List.of(),
                Set.of());
    }

    static MailFacts withImportance(MailFacts m, String importance) {
        return new MailFacts(
                m.messageId(),
                m.internetMessageId(),
                m.conversationId(),
                m.subject(),
                m.fromAddress(),
                m.fromName(),
                m.to(),
                m.cc(),
                m.receivedAt(),
                m.inReplyTo(),
                m.references(),
                m.body(),
                m.uniqueBody(),
                importance,
                m.attachments(),
                m.automated());
    }

    static MailFacts withAttachments(MailFacts m, List<MailAttachment> attachments) {
        return new MailFacts(
                m.messageId(),
                m.internetMessageId(),
                m.conversationId(),
                m.subject(),
                m.fromAddress(),
                m.fromName(),
                m.to(),
                m.cc(),
                m.receivedAt(),
                m.inReplyTo(),
                m.references(),
                m.body(),
                m.uniqueBody(),
                m.importance(),
                attachments,
                m.automated());
    }

    static MailFacts automated(MailFacts m, AutomatedMail.Reason reason) {
        return new MailFacts(
                m.messageId(),
                m.internetMessageId(),
                m.conversationId(),
                m.subject(),
                m.fromAddress(),
                m.fromName(),
                m.to(),
                m.cc(),
                m.receivedAt(),
                m.inReplyTo(),
                m.references(),
                m.body(),
                m.uniqueBody(),
                m.importance(),
                m.attachments(),
                Set.of(reason));
    }

    static MailFacts replyTo(
            MailFacts m, @Nullable String inReplyTo, List<String> references, @Nullable String conversation) {
        return new MailFacts(
                "msg-" + UUID.randomUUID(),
                "<" + UUID.randomUUID() + "@example.com>",
                conversation,
                m.subject(),
                m.fromAddress(),
                m.fromName(),
                m.to(),
                m.cc(),
                m.receivedAt(),
                inReplyTo,
                references,
                m.body(),
                m.uniqueBody(),
                m.importance(),
                m.attachments(),
                m.automated());
    }
}
