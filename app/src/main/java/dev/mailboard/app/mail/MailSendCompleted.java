package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.connections.ConnectionId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A queued mail was sent (published once, in the transaction that marks it sent).
 *
 * @param sendId the send id, also carried in the marker header
 * @param accountId the account
 * @param connection the mailbox it was sent from
 * @param requestedBy who asked
 * @param origin the origin tag of the request, for example {@code item:1234}
 * @param to the recipient addresses
 * @param subject the subject
 * @param bodyHtml the sanitized body
 * @param internetMessageId the sent message's Message-ID, if its Sent Items copy was found
 * @param conversationId the sent message's conversation, if its Sent Items copy was found
 */
public record MailSendCompleted(
        UUID sendId,
        AccountId accountId,
        ConnectionId connection,
        UserId requestedBy,
        String origin,
        List<String> to,
        String subject,
        String bodyHtml,
        @Nullable String internetMessageId,
        @Nullable String conversationId) {

    /** Copies the recipients. */
    public MailSendCompleted {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "MailSendCompleted[sendId=" + sendId + ", origin=" + origin + ", recipients=" + to.size() + "]";
    }
}
