package dev.mailboard.app.accounts;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It worked. */
    SUCCESS,
    /** It was tried and failed (for example a wrong password). */
    FAILURE,
    /** It was refused for lack of permission. */
    DENIED;

    /**
     * The outcome as stored and shown: lower case.
     *
     * @return for example {@code success}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuditOutcome fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
