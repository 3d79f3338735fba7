package dev.mailboard.app.mail;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An email arrived in the Inbox of a watched mailbox. Published exactly once per (connection, message),
 * whether a notification or a catch-up round found it (S-27, S-63), in the transaction that records it.
 * Bodies are already sanitized ({@link dev.mailboard.app.text.RichText}); nothing in it is a secret.
 *
 * @param connectionId the mailbox connection
 * @param accountId the connection's account
 * @param messageId Graph's immutable id of the message
 * @param internetMessageId the RFC 5322 {@code Message-ID}, or null
 * @param conversationId Graph's conversation id, or null
 * @param subject the subject, or empty
 * @param from the sender as the mail states it (not authenticated, S-56), or null
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param receivedAt when the mailbox received it
 * @param inReplyTo the {@code In-Reply-To} message id, or null
 * @param references the {@code References} message ids, oldest first
 * @param body the sanitized body
 * @param uniqueBody the sanitized part of the body new in this mail (without the quoted thread)
 * @param bodyTruncated whether a body was cut to the configured size (S-57)
 * @param importance {@code low}, {@code normal} or {@code high}
 * @param attachments the attachments, described
 * @param automated why it counts as automated mail (S-51); empty when a person wrote it
 * @param foundBy how Mailboard learned of it
 */
public record MailReceived(
        ConnectionId connectionId,
        AccountId accountId,
        String messageId,
        @Nullable String internetMessageId,
        @Nullable String conversationId,
        String subject,
        @Nullable MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        Instant receivedAt,
        @Nullable String inReplyTo,
        List<String> references,
        String body,
        String uniqueBody,
        boolean bodyTruncated,
        String importance,
        List<MailAttachment> attachments,
        @JsonProperty("automated") Set<AutomatedMail.Reason> automated,
        Discovery foundBy) {

    /** How Mailboard learned of a mail. */
    public enum Discovery {
        /** A change notification from Graph. */
        NOTIFICATION,
        /** A catch-up (delta) round: the notification was lost or late. */
        CATCH_UP,
        /** A replay an admin or board user asked for. */
        REPLAY
    }

    /**
     * Whether the mail counts as automated (S-51). Not a JSON property: it would clash with
     * {@link #automated()}, and the event stored in the publication registry could not be read back.
     *
     * @return true when {@link #automated()} is not empty
     */
    @JsonIgnore
    public boolean isAutomated() {
        return !automated.isEmpty();
    }
}
