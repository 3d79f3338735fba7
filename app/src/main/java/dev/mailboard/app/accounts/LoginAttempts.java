package dev.mailboard.app.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per user, pauses and then locks the user, and writes each attempt to the
 * audit log. A failure for an address nobody has is only logged (without the address, in case a
 * password was typed into the address field): there is no account whose admins could read it, and
 * putting it into some account's log would tell that account about strangers' typing.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserRepository users;
    private final AuditLog auditLog;
    private final AccountsProperties properties;
    private final Clock clock;

    LoginAttempts(UserRepository users, AuditLog auditLog, AccountsProperties properties, Clock clock) {
        this.users = users;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    boolean isLocked(UserRepository.StoredUser user) {
        Instant lockedUntil = user.lockedUntil();
        return lockedUntil != null && lockedUntil.isAfter(clock.instant());
    }

    @Transactional
    void succeeded(UserRepository.StoredUser user) {
        UserView view = user.view();
        users.resetLoginFailures(view.id());
        auditLog.record(entry(view, AuditActions.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS, "Signed in with a password"));
        log.info("User {} signed in", view.id());
    }

    @Transactional
    void failed(UserRepository.StoredUser user) {
        UserView view = user.view();
        int failures = users.countLoginFailure(view.id());
        Duration pause = properties.lockout().pauseAfter(failures);
        String detail = "Wrong password or inactive user (" + failures + " failed in a row)";
        if (!pause.isZero()) {
            Instant until = clock.instant().plus(pause);
            users.lockUntil(view.id(), until);
            detail += failures >= properties.lockout().maxFailures()
                    ? "; locked until " + until
                    : "; sign-in paused until " + until;
        }
        auditLog.record(entry(view, AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE, detail));
        log.info("Sign-in failed for user {} ({} failed in a row)", view.id(), failures);
    }

    @Transactional
    void refusedWhileLocked(UserRepository.StoredUser user) {
        UserView view = user.view();
        auditLog.record(entry(
                view,
                AuditActions.LOGIN_FAILED,
                AuditOutcome.DENIED,
                "Refused: sign-in is locked until " + user.lockedUntil()));
        log.info("Sign-in refused for user {}: locked", view.id());
    }

    void failedForUnknownAddress() {
        log.info("Sign-in failed for an address that belongs to no user");
    }

    private static AuditEntry entry(UserView user, String action, AuditOutcome outcome, String detail) {
        return new AuditEntry(user.accountId(), user.id(), user.email(), action, user.email(), outcome, detail);
    }
}
