package dev.mailboard.app.accounts;

import java.util.Set;
import org.springframework.stereotype.Component;

/** Role changes, deactivation and account settings; called inside the facade's transactions. */
@Component
class UserAdministration {

    private final AccountRepository accounts;
    private final UserRepository users;
    private final AuditLog auditLog;

    UserAdministration(AccountRepository accounts, UserRepository users, AuditLog auditLog) {
        this.accounts = accounts;
        this.users = users;
        this.auditLog = auditLog;
    }

    UserView userOf(CurrentUser admin, UserId id) {
        return users.find(id)
                .map(UserRepository.StoredUser::view)
                .filter(user -> user.accountId().equals(admin.accountId()))
                .orElseThrow(() -> new UnknownIdException("There is no user " + id + " in your account."));
    }

    UserView changeRole(CurrentUser admin, UserId id, Role role) {
        accounts.lockForUpdate(admin.accountId());
        UserView user = userOf(admin, id);
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.ADMIN && user.isActive() && users.countActiveAdmins(admin.accountId()) <= 1) {
            throw new LastAdminException(user.email() + " is the last admin of this account and must stay an admin."
                    + " Make another user an admin first.");
        }
        users.updateRole(id, role);
        auditLog.record(AuditEntry.success(
                admin,
                AuditActions.ROLE_CHANGED,
                user.email(),
                "Role changed from " + user.role().code() + " to " + role.code()));
        return userOf(admin, id);
    }

    UserView deactivate(CurrentUser admin, UserId id) {
        accounts.lockForUpdate(admin.accountId());
        UserView user = userOf(admin, id);
        if ("deactivated".equals(user.status())) {
            return user;
        }
        if (user.id().equals(admin.userId())) {
            throw new LastAdminException("You cannot deactivate yourself. Ask another admin to do it.");
        }
        if (user.role() == Role.ADMIN && user.isActive() && users.countActiveAdmins(admin.accountId()) <= 1) {
            throw new LastAdminException(user.email() + " is the last admin of this account and cannot be"
                    + " deactivated. Make another user an admin first.");
        }
        users.updateStatus(id, "deactivated");
        auditLog.record(AuditEntry.success(
                admin,
                AuditActions.USER_DEACTIVATED,
                user.email(),
                "Was " + user.status() + " as " + user.role().code()));
        return userOf(admin, id);
    }

    AccountView settings(CurrentUser admin) {
        return accounts.find(admin.accountId())
                .orElseThrow(() -> new UnknownIdException("Your account no longer exists."));
    }

    AccountView changeIntegrationCreators(CurrentUser admin, Set<Role> roles) {
        accounts.lockForUpdate(admin.accountId());
        AccountView before = settings(admin);
        if (before.integrationCreatorRoles().equals(roles)) {
            return before;
        }
        accounts.updateIntegrationCreatorRoles(admin.accountId(), roles);
        auditLog.record(AuditEntry.success(
                admin,
                AuditActions.PERMISSION_CHANGED,
                "who may create integrations",
                "Changed from " + describe(before.integrationCreatorRoles()) + " to " + describe(roles)));
        return settings(admin);
    }

    private static String describe(Set<Role> roles) {
        return roles.isEmpty() ? "nobody" : AccountRepository.formatRoles(roles).replace(",", ", ");
    }
}
