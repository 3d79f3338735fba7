package dev.mailboard.app.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users for form login. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser stored =
                users.findByEmail(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return signedIn(stored);
    }

    static SignedInUser signedIn(UserRepository.StoredUser stored) {
        UserView view = stored.view();
        CurrentUser user = new CurrentUser(view.id(), view.accountId(), view.email(), view.displayName(), view.role());
        return new SignedInUser(user, stored.passwordHash(), view.isActive() && stored.passwordHash() != null);
    }
}
