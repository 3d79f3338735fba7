package dev.mailboard.app.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their users: the module's facade for other modules and the web edge. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AdminCheck adminCheck;
    private final UserAdministration administration;

    Accounts(
            AccountRepository accounts,
            UserRepository users,
            PasswordEncoder passwordEncoder,
            Clock clock,
            AdminCheck adminCheck,
            UserAdministration administration) {
        this.accounts = accounts;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.adminCheck = adminCheck;
        this.administration = administration;
    }

    /**
     * Creates an account with the default permissions (admins and members may create integrations).
     *
     * @param name the account's display name
     * @return the new account
     */
    @Transactional
    public AccountView createAccount(String name) {
        return accounts.insert(requireText(name, "account name"), clock.instant());
    }

    /**
     * Creates an active user who signs in with the given password.
     *
     * @param user the user to create
     * @param password the password in plain text; only its hash is kept
     * @return the new user
     * @throws DuplicateEmailException when the address is already taken
     */
    @Transactional
    public UserView createUser(NewUser user, String password) {
        requireText(user.email(), "email");
        requireText(user.displayName(), "display name");
        if (users.findByEmail(user.email()).isPresent()) {
            throw new DuplicateEmailException(user.email());
        }
        return users.insert(user, passwordEncoder.encode(password), "active", clock.instant());
    }

    /**
     * Finds an account.
     *
     * @param id the account
     * @return the account, or empty when there is none
     */
    @Transactional(readOnly = true)
    public Optional<AccountView> findAccount(AccountId id) {
        return accounts.find(id);
    }

    /**
     * Finds a user in any account.
     *
     * @param id the user
     * @return the user, or empty when there is none
     */
    @Transactional(readOnly = true)
    public Optional<UserView> findUser(UserId id) {
        return users.find(id).map(UserRepository.StoredUser::view);
    }

    /**
     * Finds a user of one account: a user of another account is not found.
     *
     * @param accountId the caller's account
     * @param id the user
     * @return the user, or empty when there is none in that account
     */
    @Transactional(readOnly = true)
    public Optional<UserView> findUser(AccountId accountId, UserId id) {
        return findUser(id).filter(user -> user.accountId().equals(accountId));
    }

    /**
     * Lists the users of an account by email.
     *
     * @param accountId the account
     * @return its users
     */
    @Transactional(readOnly = true)
    public List<UserView> users(AccountId accountId) {
        return users.findByAccount(accountId);
    }

    /**
     * Lists the users of the admin's account by email, invited and deactivated ones included.
     *
     * @param admin the signed-in admin
     * @return the users
     * @throws PermissionDeniedException when the caller is not an admin
     */
    @Transactional(readOnly = true)
    public List<UserView> users(CurrentUser admin) {
        adminCheck.requireAdmin(admin);
        return users.findByAccount(admin.accountId());
    }

    /**
     * Finds a user of the admin's account.
     *
     * @param admin the signed-in admin
     * @param id the user
     * @return the user
     * @throws PermissionDeniedException when the caller is not an admin
     * @throws UnknownIdException when the account has no such user (also for another account's user)
     */
    @Transactional(readOnly = true)
    public UserView user(CurrentUser admin, UserId id) {
        adminCheck.requireAdmin(admin);
        return administration.userOf(admin, id);
    }

    /**
     * Changes a user's role.
     *
     * @param admin the signed-in admin
     * @param id the user
     * @param role the new role
     * @return the changed user
     * @throws LastAdminException when this would demote the account's last active admin
     */
    @Transactional
    public UserView changeRole(CurrentUser admin, UserId id, Role role) {
        adminCheck.requireAdmin(admin);
        return administration.changeRole(admin, id, role);
    }

    /**
     * Deactivates a user: they can no longer sign in or use their API tokens.
     *
     * @param admin the signed-in admin
     * @param id the user
     * @return the changed user
     * @throws LastAdminException for oneself or the account's last active admin
     */
    @Transactional
    public UserView deactivate(CurrentUser admin, UserId id) {
        adminCheck.requireAdmin(admin);
        return administration.deactivate(admin, id);
    }

    /**
     * The admin's account with its settings.
     *
     * @param admin the signed-in admin
     * @return the account
     */
    @Transactional(readOnly = true)
    public AccountView settings(CurrentUser admin) {
        adminCheck.requireAdmin(admin);
        return administration.settings(admin);
    }

    /**
     * Changes the account permission "who may create integrations".
     *
     * @param admin the signed-in admin
     * @param roles the roles that may create integrations (may be empty: nobody)
     * @return the changed account
     */
    @Transactional
    public AccountView changeIntegrationCreators(CurrentUser admin, Set<Role> roles) {
        adminCheck.requireAdmin(admin);
        return administration.changeIntegrationCreators(
                admin, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    /**
     * Whether the account has nothing in it yet (first start).
     *
     * @return true when no account exists
     */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    static String requireText(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank");
        }
        return value.trim();
    }
}
