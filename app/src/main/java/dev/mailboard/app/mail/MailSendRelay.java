package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AuditEntry;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.AuditOutcome;
import dev.mailboard.app.connections.AccessTokens;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobHandler;
import dev.mailboard.app.jobs.spi.JobOutcome;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphException;
import dev.mailboard.app.mail.graph.GraphHeader;
import dev.mailboard.app.mail.graph.GraphItemBody;
import dev.mailboard.app.mail.graph.GraphMessage;
import dev.mailboard.app.mail.graph.GraphRecipient;
import dev.mailboard.app.mail.graph.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays an outbox row to Graph's {@code sendMail}. Before the call the row is marked "attempting" (committed
 * on its own); a run that finds the row already attempting does not know whether the earlier call went out,
 * so it first looks for the send id in the mailbox's Sent Items and sends only if it is not there. The row is
 * then marked sent, the send audited (S-49) and {@link MailSendCompleted} published, in one transaction.
 */
@Component
class MailSendRelay implements JobHandler<MailSendJob> {

    /** The header asking Exchange and others not to auto-reply (S-52). */
    static final String SUPPRESS_HEADER = "X-Auto-Response-Suppress";

    /**
     * Graph accepts only {@code x-} custom headers, so {@code Auto-Submitted: auto-generated} (RFC 3834) cannot
     * be set on {@code sendMail}; automatic sends carry this header with that value instead.
     */
    static final String AUTOMATIC_HEADER = "X-Mailboard-Auto-Submitted";

    private static final Logger log = LoggerFactory.getLogger(MailSendRelay.class);

    private final MailSendOutbox outbox;
    private final AccessTokens tokens;
    private final GraphClient graph;
    private final MailSendProperties properties;
    private final MailSendFailpoints failpoints;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailSendRelay(
            MailSendOutbox outbox,
            AccessTokens tokens,
            GraphClient graph,
            MailSendProperties properties,
            MailSendFailpoints failpoints,
            AuditLog audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.graph = graph;
        this.properties = properties;
        this.failpoints = failpoints;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Class<MailSendJob> commandType() {
        return MailSendJob.class;
    }

    @Override
    public JobOutcome handle(MailSendJob command, JobAttempt attempt) {
        Optional<MailSendOutbox.Row> found = outbox.find(command.sendId());
        if (found.isEmpty() || isFinished(found.get().state())) {
            return JobOutcome.done();
        }
        MailSendOutbox.Row row = found.get();
        GraphAccess access;
        try {
            access = new GraphAccess(
                    row.connection().toString(),
                    tokens.freshToken(row.connection()).reveal());
        } catch (ConnectionUnavailableException e) {
            if (e.isTransient()) {
                return retry(row, attempt, Duration.ofMinutes(1), "the mailbox's token could not be refreshed");
            }
            fail(row, "the mailbox connection cannot be used: " + e.reason());
            return JobOutcome.done();
        }
        GraphClient client = graph;
        try {
            if (row.state().equals(MailSendOutbox.ATTEMPTING)) {
                Optional<GraphMessage> earlier = sentCopy(client, access, row.id());
                if (earlier.isPresent()) {
                    log.info("Send {} was found in Sent Items; not sent again", row.id());
                    complete(row, earlier.get());
                    return JobOutcome.done();
                }
            }
            outbox.markAttempting(row.id(), clock.instant());
            client.sendMail(access, message(row), true);
        } catch (GraphException e) {
            if (e.isRetryable()) {
                return retry(
                        row,
                        attempt,
                        e.retryAfter().orElse(Duration.ZERO),
                        "Graph did not take the mail for now: " + e.code());
            }
            fail(row, "Graph refused the mail: " + e.status() + " " + e.code());
            return JobOutcome.done();
        }
        failpoints.afterSendCall(row.subject());
        GraphMessage copy = null;
        try {
            copy = sentCopy(client, access, row.id()).orElse(null);
        } catch (GraphException e) {
            log.info("Send {} went out; its Sent Items copy could not be read for its Message-ID", row.id());
        }
        complete(row, copy);
        return JobOutcome.done();
    }

    /** The value of the marker header: the origin and the send id. */
    static String marker(String origin, UUID sendId) {
        return origin + "; " + sendToken(sendId);
    }

    private static String sendToken(UUID sendId) {
        return "send=" + sendId;
    }

    private Optional<GraphMessage> sentCopy(GraphClient client, GraphAccess access, UUID sendId) {
        return client.sentItemWithHeader(
                access, AutomatedMail.MARKER_HEADER, sendToken(sendId), properties.sentItemsLookback());
    }

    private static OutgoingMessage message(MailSendOutbox.Row row) {
        List<GraphHeader> headers = new ArrayList<>();
        headers.add(new GraphHeader(AutomatedMail.MARKER_HEADER, marker(row.origin(), row.id())));
        headers.add(new GraphHeader(SUPPRESS_HEADER, "All"));
        if (row.automatic()) {
            headers.add(new GraphHeader(AUTOMATIC_HEADER, "auto-generated"));
        }
        List<GraphRecipient> to = row.to().stream()
                .map(r -> GraphRecipient.of(r.address(), r.name()))
                .toList();
        return new OutgoingMessage(
                row.subject(), GraphItemBody.html(row.bodyHtml()), to, List.of(), List.of(), headers);
    }

    private void complete(MailSendOutbox.Row row, @Nullable GraphMessage copy) {
        String messageId = copy == null ? null : copy.internetMessageId();
        String conversationId = copy == null ? null : copy.conversationId();
        List<String> to =
                row.to().stream().map(MailSendCheck.Recipient::address).toList();
        transaction.executeWithoutResult(status -> {
            if (!outbox.markSent(row.id(), messageId, conversationId, clock.instant())) {
                return;
            }
            audit.record(new AuditEntry(
                    row.accountId(),
                    row.requestedBy(),
                    "mail sender",
                    "mail.sent",
                    String.join(", ", to),
                    AuditOutcome.SUCCESS,
                    "send " + row.id() + " (" + row.origin() + (row.automatic() ? ", automatic" : "") + ")"));
            events.publishEvent(new MailSendCompleted(
                    row.id(),
                    row.accountId(),
                    row.connection(),
                    row.requestedBy(),
                    row.origin(),
                    to,
                    row.subject(),
                    row.bodyHtml(),
                    messageId,
                    conversationId));
        });
    }

    /**
     * A retry; on the last attempt the job goes to the dead-letter table after this run, so the requester
     * is told now ({@link MailSendFailed}). The row stays as it is, so that an operator's replay may still
     * send it.
     */
    private JobOutcome retry(MailSendOutbox.Row row, JobAttempt attempt, Duration after, String reason) {
        if (attempt.isLast()) {
            log.warn("Send {} ran out of attempts and goes to the dead-letter table: {}", row.id(), reason);
            transaction.executeWithoutResult(status -> events.publishEvent(failed(
                    row,
                    "it could not be sent after " + attempt.number() + " attempts (" + reason
                            + "); an operator may retry it from the dead-letter table")));
        }
        return JobOutcome.retryAfter(after, reason);
    }

    private static MailSendFailed failed(MailSendOutbox.Row row, String reason) {
        return new MailSendFailed(
                row.id(),
                row.accountId(),
                row.requestedBy(),
                row.origin(),
                row.to().stream().map(MailSendCheck.Recipient::address).toList(),
                row.subject(),
                reason);
    }

    private void fail(MailSendOutbox.Row row, String reason) {
        log.warn("Send {} failed for good: {}", row.id(), reason);
        transaction.executeWithoutResult(status -> {
            if (outbox.markFailed(row.id(), reason, clock.instant())) {
                audit.record(new AuditEntry(
                        row.accountId(),
                        row.requestedBy(),
                        "mail sender",
                        "mail.sent",
                        String.join(
                                ", ",
                                row.to().stream()
                                        .map(MailSendCheck.Recipient::address)
                                        .toList()),
                        AuditOutcome.FAILURE,
                        "send " + row.id() + ": " + reason));
                events.publishEvent(failed(row, reason));
            }
        });
    }

    private static boolean isFinished(String state) {
        return state.equals(MailSendOutbox.SENT) || state.equals(MailSendOutbox.FAILED);
    }
}
