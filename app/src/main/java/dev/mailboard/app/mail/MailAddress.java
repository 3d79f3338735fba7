package dev.mailboard.app.mail;

import java.util.Locale;

/**
 * An email address with its display name, as a mail header gave it. Neither is proof of who sent a mail
 * (S-56).
 *
 * @param address the address, as given
 * @param name the display name, or empty
 */
public record MailAddress(String address, String name) {

    /**
     * The address in lower case, for comparisons.
     *
     * @return for example {@code ana@example.com}
     */
    public String normalized() {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The part after the {@code @}, in lower case.
     *
     * @return for example {@code example.com}, or empty when the address has no {@code @}
     */
    public String domain() {
        String normalized = normalized();
        int at = normalized.lastIndexOf('@');
        return at < 0 ? "" : normalized.substring(at + 1);
    }
}
