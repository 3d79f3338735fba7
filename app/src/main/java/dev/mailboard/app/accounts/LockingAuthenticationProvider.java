package dev.mailboard.app.accounts;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in with lockout. Every refusal is the same {@link BadCredentialsException}, whether
 * the address is unknown, the password wrong, the user inactive or locked, so the login page cannot
 * tell anyone which addresses exist. A locked user's right password is refused too. The password is
 * always checked (also while locked) so that the answer takes about the same time in every case.
 */
final class LockingAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "Sign-in refused";

    private final DaoAuthenticationProvider passwords;
    private final UserRepository users;
    private final LoginAttempts attempts;

    LockingAuthenticationProvider(
            AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder,
            UserRepository users,
            LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.users = users;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Optional<UserRepository.StoredUser> user = users.findByEmail(String.valueOf(authentication.getName()));
        if (user.isPresent() && attempts.isLocked(user.get())) {
            checkQuietly(authentication);
            attempts.refusedWhileLocked(user.get());
            throw new BadCredentialsException(REFUSED);
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            if (user.isPresent()) {
                attempts.failed(user.get());
            } else {
                attempts.failedForUnknownAddress();
            }
            throw new BadCredentialsException(REFUSED, e);
        }
        attempts.succeeded(user.orElseThrow(() -> new BadCredentialsException(REFUSED)));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void checkQuietly(Authentication authentication) {
        try {
            passwords.authenticate(authentication);
        } catch (AuthenticationException ignored) {
            // The outcome does not matter while locked; only the time spent does.
        }
    }
}
