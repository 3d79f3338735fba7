package dev.mailboard.app.accounts;

/** The action codes this module writes to the audit log. */
final class AuditActions {

    static final String LOGIN_SUCCEEDED = "login.succeeded";
    static final String LOGIN_FAILED = "login.failed";
    static final String USER_INVITED = "user.invited";
    static final String INVITATION_ACCEPTED = "invitation.accepted";
    static final String ROLE_CHANGED = "user.role_changed";
    static final String USER_DEACTIVATED = "user.deactivated";
    static final String PERMISSION_CHANGED = "account.permission_changed";
    static final String API_TOKEN_CREATED = "api_token.created";
    static final String API_TOKEN_REVOKED = "api_token.revoked";

    private AuditActions() {}
}
