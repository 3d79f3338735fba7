package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AuditEntry;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.AuditOutcome;
import dev.mailboard.app.accounts.CurrentUser;
import org.springframework.stereotype.Component;

/** The module's audit entries (S-49): ids, mailbox addresses, scopes and reasons; never a secret. */
@Component
class ConnectionAudit {

    private final AuditLog log;

    ConnectionAudit(AuditLog log) {
        this.log = log;
    }

    void connected(CurrentUser user, ConnectionView c, String action) {
        log.record(AuditEntry.success(
                user, action, c.id().toString(), c.mailboxAddress() + " with " + String.join(" ", c.scopes())));
    }

    void connectFailed(CurrentUser user, String reason) {
        log.record(AuditEntry.of(user, "connection.check-failed", "outlook", AuditOutcome.FAILURE, reason));
    }

    void disconnected(CurrentUser user, ConnectionView c) {
        boolean byAdmin = !c.isOwnedBy(user.userId());
        log.record(AuditEntry.success(
                user,
                byAdmin ? "connection.admin-revoked" : "connection.disconnected",
                c.id().toString(),
                c.mailboxAddress() + (byAdmin ? " (connected by another user)" : "")));
    }

    void refreshFailed(ConnectionView c, String reason) {
        system(c, "connection.refresh-failed", AuditOutcome.FAILURE, reason);
    }

    void needsReconnect(ConnectionView c, String reason) {
        system(c, "connection.needs-reconnect", AuditOutcome.FAILURE, reason);
    }

    private void system(ConnectionView c, String action, AuditOutcome outcome, String detail) {
        log.record(new AuditEntry(
                c.accountId(), null, "system", action, c.id().toString(), outcome, c.mailboxAddress() + ": " + detail));
    }
}
