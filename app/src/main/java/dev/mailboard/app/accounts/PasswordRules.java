package dev.mailboard.app.accounts;

import java.nio.charset.StandardCharsets;

/** What a password chosen by a user must look like. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    // bcrypt reads at most 72 bytes; a longer password would be silently cut.
    static final int MAX_BYTES = 72;

    private PasswordRules() {}

    static void check(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPasswordException("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new WeakPasswordException("Choose a password of at most " + MAX_BYTES + " characters"
                    + " (fewer if it contains accented letters or symbols).");
        }
        if (password.isBlank()) {
            throw new WeakPasswordException("A password must not consist of spaces only.");
        }
    }
}
