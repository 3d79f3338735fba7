package dev.mailboard.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log as admins read it.
 *
 * @param id the entry's number, increasing in the order entries were written
 * @param occurredAt when it happened
 * @param actorId the user who acted, or null for the system or an anonymous caller
 * @param actorLabel how the actor is shown
 * @param action the action code, for example {@code user.role_changed}
 * @param target what it happened to
 * @param outcome whether it worked
 * @param detail a short explanation
 */
public record AuditEntryView(
        long id,
        Instant occurredAt,
        @Nullable UserId actorId,
        String actorLabel,
        String action,
        String target,
        AuditOutcome outcome,
        String detail) {}
