package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionStatus;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.jobs.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail through a connected mailbox. {@link #send} checks the request (S-54) and the rate limits (S-53)
 * and writes an outbox row in the caller's transaction (S-65); after the commit a job relays it to Graph's
 * {@code sendMail} with Mailboard's marker header carrying the send id (S-52). A retry whose earlier attempt
 * may have been sent looks for the send id in Sent Items first, so a retry never sends a second copy (S-66,
 * with {@code sendMail} instead of drafts: see docs/recipes.md). {@link MailSendCompleted} is published once
 * the mail is sent.
 */
@Service
public class MailSender {

    private final Connections connections;
    private final MailSendOutbox outbox;
    private final MailSendProperties properties;
    private final Jobs jobs;
    private final Clock clock;

    MailSender(Connections connections, MailSendOutbox outbox, MailSendProperties properties, Jobs jobs, Clock clock) {
        this.connections = connections;
        this.outbox = outbox;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Queues a mail, in the caller's transaction: it is sent only if that transaction commits.
     *
     * @param request what to send
     * @return the send id, carried in the marker header
     * @throws MailSendRefusedException when the request is invalid, over a limit, or the connection may not
     *     send; nothing is queued then
     */
    @Transactional
    public UUID send(MailSendRequest request) {
        ConnectionView connection = connections
                .find(request.connection())
                .filter(c -> c.isOwnedBy(request.requestedBy()))
                .orElseThrow(() -> refused(
                        MailSendRefusedException.Reason.NOT_YOUR_CONNECTION,
                        "Mail can only be sent from a mailbox you connected yourself.",
                        request));
        if (connection.status() != ConnectionStatus.ACTIVE) {
            throw refused(
                    MailSendRefusedException.Reason.CONNECTION_NOT_USABLE,
                    "The mailbox " + connection.mailboxAddress() + " needs to be reconnected before it can send.",
                    request);
        }
        MailSendCheck.Checked checked = MailSendCheck.check(request, properties);
        if (!connection.maySend()) {
            throw refused(
                    MailSendRefusedException.Reason.SEND_NOT_GRANTED,
                    "Grant sending first: Mailboard may read " + connection.mailboxAddress()
                            + " but was not allowed to send from it. Use \"Allow sending mail\" on the Integrations page.",
                    request);
        }
        Instant now = clock.instant();
        outbox.lockQuota(request.requestedBy());
        int lastHour = outbox.sentByUserSince(request.requestedBy(), now.minus(Duration.ofHours(1)));
        if (lastHour >= properties.perUserPerHour()) {
            throw limited(
                    connection,
                    "You have sent " + lastHour + " mails in the last hour, the most allowed; try again later.");
        }
        for (MailSendCheck.Recipient recipient : checked.to()) {
            String key = recipient.address().toLowerCase(Locale.ROOT);
            int lastDay = outbox.sentToSince(request.origin(), key, now.minus(Duration.ofHours(24)));
            if (lastDay >= properties.perRecipientPerDay()) {
                throw limited(
                        connection,
                        recipient.address() + " already got " + lastDay + " mails from here in the last 24 hours, the"
                                + " most allowed; try again tomorrow.");
            }
        }
        UUID id = UUID.randomUUID();
        outbox.insert(id, connection.accountId(), request, checked, now);
        jobs.enqueue(JobRequest.now(new MailSendJob(id), "mail-send:" + id));
        return id;
    }

    /**
     * Where a send stands.
     *
     * @param sendId the send id
     * @return {@code queued}, {@code attempting}, {@code sent} or {@code failed}; empty for an unknown id
     */
    @Transactional(readOnly = true)
    public Optional<String> state(UUID sendId) {
        return outbox.state(sendId);
    }

    private static MailSendRefusedException limited(ConnectionView connection, String message) {
        return new MailSendRefusedException(
                MailSendRefusedException.Reason.RATE_LIMITED,
                message,
                List.of(),
                connection.id().toString());
    }

    private static MailSendRefusedException refused(
            MailSendRefusedException.Reason reason, String message, MailSendRequest request) {
        return new MailSendRefusedException(
                reason, message, List.of(), request.connection().toString());
    }
}
