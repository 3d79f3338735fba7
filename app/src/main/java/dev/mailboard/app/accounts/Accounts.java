package dev.mailboard.app.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    Accounts(AccountRepository accounts, UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
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
     * Whether the account has nothing in it yet (first start).
     *
     * @return true when no account exists
     */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    private static String requireText(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank");
        }
        return value.trim();
    }
}
