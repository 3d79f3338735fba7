package dev.mailboard.app.recipes;

import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailAddress;
import dev.mailboard.app.mail.MailAttachment;
import dev.mailboard.app.mail.MailReceived;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * What recipes know of one mail: the facts conditions look at, actions use, and the run log keeps for a
 * replay. Bodies are sanitized HTML (S-59); no header value other than these is kept.
 *
 * @param messageId Graph's immutable message id
 * @param internetMessageId the {@code Message-ID}, or null
 * @param conversationId Graph's conversation id, or null
 * @param subject the subject, or empty
 * @param fromAddress the From address as stated (not authenticated, S-56), or empty
 * @param fromName the From display name, or empty
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param receivedAt when the mailbox received it
 * @param inReplyTo the {@code In-Reply-To} message id, or null
 * @param references the {@code References} message ids
 * @param body the sanitized body
 * @param uniqueBody the sanitized part new in this mail
 * @param importance {@code low}, {@code normal} or {@code high}
 * @param attachments the attachments, described
 * @param automated why it counts as automated mail; empty when a person wrote it
 */
public record MailFacts(
        String messageId,
        @Nullable String internetMessageId,
        @Nullable String conversationId,
        String subject,
        String fromAddress,
        String fromName,
        List<String> to,
        List<String> cc,
        Instant receivedAt,
        @Nullable String inReplyTo,
        List<String> references,
        String body,
        String uniqueBody,
        String importance,
        List<MailAttachment> attachments,
        Set<AutomatedMail.Reason> automated) {

    /** Copies the lists. */
    public MailFacts {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        automated = Set.copyOf(automated);
    }

    /**
     * The facts of a received mail.
     *
     * @param mail the mail as the mail module published it
     * @return its facts
     */
    public static MailFacts of(MailReceived mail) {
        MailAddress from = mail.from();
        return new MailFacts(
                mail.messageId(),
                mail.internetMessageId(),
                mail.conversationId(),
                mail.subject(),
                from == null ? "" : from.address().strip(),
                from == null ? "" : from.name(),
                mail.to().stream().map(MailAddress::normalized).toList(),
                mail.cc().stream().map(MailAddress::normalized).toList(),
                mail.receivedAt(),
                mail.inReplyTo(),
                mail.references(),
                mail.body(),
                mail.uniqueBody(),
                mail.importance(),
                mail.attachments(),
                mail.automated());
    }

    /** The body as plain text in lower case, for "body contains". */
    String bodyText() {
        return collapse(HtmlUtils.htmlUnescape(body.replaceAll("<[^>]*>", " ")));
    }

    /** Lower case with runs of white space as one space, for comparing text. */
    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the mail replies to another (it names one in {@code In-Reply-To} or {@code References}). */
    boolean isReply() {
        return inReplyTo != null || !references.isEmpty();
    }

    /** Whether it has attachments other than inline images. */
    boolean hasFileAttachments() {
        return attachments.stream().anyMatch(a -> !a.inline());
    }
}
