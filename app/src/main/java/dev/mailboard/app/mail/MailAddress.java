package dev.mailboard.app.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * An email address with its display name, as a mail header gave it. Neither is proof of who sent a mail
 * (S-56).
 *
 * @param address the address, as given
 * @param name the display name, or empty
 */
public record MailAddress(String address, String name) {

    /**
     * One address as outgoing mail accepts it: {@code name@example.com} or {@code Name <name@example.com>},
     * checked by the same strict parser that every send passes (S-54).
     *
     * @param entry the text, for example a board field's value
     * @return the address, or empty when outgoing mail would refuse it
     */
    public static Optional<MailAddress> outgoing(String entry) {
        MailSendCheck.Recipient recipient = MailSendCheck.recipient(entry.strip());
        if (recipient == null) {
            return Optional.empty();
        }
        String name = recipient.name();
        return Optional.of(new MailAddress(recipient.address(), name == null ? "" : name));
    }

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
