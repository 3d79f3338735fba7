package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.util.List;
import java.util.UUID;

/**
 * A queued mail was not sent: Graph refused it for good, its connection cannot be used any more, or its
 * retries ran out and the job went to the dead-letter table (from which an operator may still replay it).
 * Published in a transaction, once per send and kind of failure.
 *
 * @param sendId the send id
 * @param accountId the account
 * @param requestedBy who asked
 * @param origin the origin tag of the request, for example {@code item:1234}
 * @param to the recipient addresses
 * @param subject the subject
 * @param reason why, in words a user understands; never a secret
 */
public record MailSendFailed(
        UUID sendId,
        AccountId accountId,
        UserId requestedBy,
        String origin,
        List<String> to,
        String subject,
        String reason) {

    /** Copies the recipients. */
    public MailSendFailed {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "MailSendFailed[sendId=" + sendId + ", origin=" + origin + ", recipients=" + to.size() + "]";
    }
}
