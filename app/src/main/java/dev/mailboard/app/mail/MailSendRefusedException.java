package dev.mailboard.app.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mailboard refuses to queue a mail; nothing was stored or queued. */
public class MailSendRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** A field is invalid (control characters, an address that does not parse, too many recipients). */
        INVALID,
        /** A rate limit was reached (S-53). */
        RATE_LIMITED,
        /** The connection does not have {@code Mail.Send} yet: the owner must allow sending first. */
        SEND_NOT_GRANTED,
        /** The connection is not the requester's, or is gone. */
        NOT_YOUR_CONNECTION,
        /** The connection needs to be reconnected by its owner. */
        CONNECTION_NOT_USABLE
    }

    private final Reason reason;
    private final transient List<MailSendProblem> problems;
    private final @Nullable String connectionId;

    /**
     * A refusal.
     *
     * @param reason why
     * @param message what to tell the user
     * @param problems the invalid fields, for {@link Reason#INVALID}
     * @param connectionId the connection concerned, or null
     */
    public MailSendRefusedException(
            Reason reason, String message, List<MailSendProblem> problems, @Nullable String connectionId) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
        this.connectionId = connectionId;
    }

    /**
     * Why.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The invalid fields.
     *
     * @return empty unless {@link Reason#INVALID}
     */
    public List<MailSendProblem> problems() {
        return problems;
    }

    /**
     * The connection concerned.
     *
     * @return its id, or null
     */
    public @Nullable String connectionId() {
        return connectionId;
    }
}
