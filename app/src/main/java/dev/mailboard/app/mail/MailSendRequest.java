package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.connections.ConnectionId;
import java.util.List;

/**
 * A mail to send through a connected mailbox. Recipients must come from the request's typed list, a recipe's
 * configuration or a board column, never from an inbound mail's body (S-55).
 *
 * @param connection the mailbox to send from; {@code requestedBy} must own it (S-48)
 * @param requestedBy the user asking (in person, or as the owner of a recipe)
 * @param to the recipients: {@code address} or {@code Display Name <address>}
 * @param subject the subject
 * @param bodyHtml the body; it is sanitized before it is stored or sent
 * @param origin what asks to send, for the marker header and the rate limits: letters, digits and
 *     {@code : . _ -}, for example {@code item:1234} or {@code recipe:<id>}
 * @param automatic whether no person pressed "send" (a recipe action): such mail is marked auto-generated
 */
public record MailSendRequest(
        ConnectionId connection,
        UserId requestedBy,
        List<String> to,
        String subject,
        String bodyHtml,
        String origin,
        boolean automatic) {

    /** Copies the recipient list. */
    public MailSendRequest {
        to = List.copyOf(to);
    }
}
