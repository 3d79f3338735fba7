package dev.mailboard.app.accounts;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command to append one entry to an account's audit log. Never put a secret (password, hash,
 * token, code) into any of its fields.
 *
 * @param accountId the account whose admins may read the entry
 * @param actorId the user who acted, or null for the system or an anonymous caller
 * @param actorLabel how the actor is shown, for example an email address or {@code system}
 * @param action what happened, a dotted code such as {@code user.invited} or {@code connection.revoked}
 * @param target what it happened to, for example a user's address or a connection id
 * @param outcome whether it worked
 * @param detail a short human-readable explanation (may be empty)
 */
public record AuditEntry(
        AccountId accountId,
        @Nullable UserId actorId,
        String actorLabel,
        String action,
        String target,
        AuditOutcome outcome,
        String detail) {

    /** Checks the required fields are present. */
    public AuditEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(actorLabel, "actorLabel");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * An entry for something a signed-in user did successfully.
     *
     * @param actor the user
     * @param action the action code
     * @param target what it happened to
     * @param detail a short explanation
     * @return the entry
     */
    public static AuditEntry success(CurrentUser actor, String action, String target, String detail) {
        return of(actor, action, target, AuditOutcome.SUCCESS, detail);
    }

    /**
     * An entry for something a signed-in user tried, with the given outcome.
     *
     * @param actor the user
     * @param action the action code
     * @param target what it happened to
     * @param outcome the outcome
     * @param detail a short explanation
     * @return the entry
     */
    public static AuditEntry of(CurrentUser actor, String action, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(actor.accountId(), actor.userId(), actor.email(), action, target, outcome, detail);
    }
}
