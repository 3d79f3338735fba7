package dev.mailboard.app.accounts;

import org.springframework.stereotype.Component;

/**
 * Checks that the caller is an active admin of their account, reading the role from the database so
 * that a demotion takes effect at once, even for a session that started before it.
 */
@Component
class AdminCheck {

    private final UserRepository users;

    AdminCheck(UserRepository users) {
        this.users = users;
    }

    void requireAdmin(CurrentUser user) {
        boolean admin = users.find(user.userId())
                .map(UserRepository.StoredUser::view)
                .filter(view -> view.accountId().equals(user.accountId()))
                .filter(UserView::isActive)
                .filter(view -> view.role() == Role.ADMIN)
                .isPresent();
        if (!admin) {
            throw new PermissionDeniedException("Only an admin of this account may do this.");
        }
    }
}
