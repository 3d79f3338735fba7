package dev.mailboard.app.mail;

import dev.mailboard.app.text.RichText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link MailSendRequest} (S-54): no control characters (CR, LF, NUL, ...) in the subject, names or
 * addresses; addresses in a strict subset of RFC 5322 ({@code dot-atom@domain}, no comments, quoted local
 * parts, IP literals or source routes); at most the configured number of recipients; the body sanitized.
 */
final class MailSendCheck {

    /** {@code atext} of RFC 5322. */
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z0-9:._-]{1,100}");
    private static final int MAX_NAME = 200;

    /**
     * A recipient that passed.
     *
     * @param address the address as given
     * @param name the display name, or null
     */
    record Recipient(String address, @Nullable String name) {}

    /**
     * A checked request.
     *
     * @param to the recipients, without duplicates
     * @param subject the subject, trimmed
     * @param bodyHtml the sanitized body
     */
    record Checked(List<Recipient> to, String subject, String bodyHtml) {}

    private MailSendCheck() {}

    static Checked check(MailSendRequest request, MailSendProperties limits) {
        List<MailSendProblem> problems = new ArrayList<>();
        if (!ORIGIN.matcher(request.origin()).matches()) {
            problems.add(new MailSendProblem("origin", "The origin tag may hold only letters, digits and : . _ -"));
        }
        Map<String, Recipient> to = new LinkedHashMap<>();
        if (request.to().isEmpty()) {
            problems.add(new MailSendProblem("to", "Name at least one recipient."));
        } else if (request.to().size() > limits.maxRecipients()) {
            problems.add(new MailSendProblem(
                    "to",
                    "At most " + limits.maxRecipients() + " recipients per mail (got "
                            + request.to().size() + ")."));
        } else {
            for (int i = 0; i < request.to().size(); i++) {
                String field = "to[" + i + "]";
                String problem = null;
                Recipient recipient = null;
                String entry = request.to().get(i);
                if (hasControl(entry)) {
                    problem = "Recipients may not contain control characters (line breaks, NUL, ...).";
                } else {
                    recipient = recipient(entry.strip());
                    if (recipient == null) {
                        problem =
                                "Not an email address Mailboard accepts: use name@example.com or Name <name@example.com>.";
                    }
                }
                if (problem != null) {
                    problems.add(new MailSendProblem(field, problem));
                } else if (recipient != null) {
                    to.putIfAbsent(recipient.address().toLowerCase(Locale.ROOT), recipient);
                }
            }
        }
        String subject = request.subject();
        if (hasControl(subject)) {
            problems.add(new MailSendProblem(
                    "subject", "The subject may not contain control characters (line breaks, NUL, ...)."));
        } else if (subject.isBlank()) {
            problems.add(new MailSendProblem("subject", "The subject is empty."));
        } else if (subject.strip().length() > limits.maxSubjectLength()) {
            problems.add(new MailSendProblem(
                    "subject", "The subject is longer than " + limits.maxSubjectLength() + " characters."));
        }
        String body = RichText.sanitize(request.bodyHtml());
        if (body.length() > limits.maxBodyLength()) {
            problems.add(
                    new MailSendProblem("body", "The text is longer than " + limits.maxBodyLength() + " characters."));
        }
        if (!problems.isEmpty()) {
            throw new MailSendRefusedException(
                    MailSendRefusedException.Reason.INVALID,
                    "The mail was not sent: " + problems.get(0).message(),
                    problems,
                    request.connection().toString());
        }
        return new Checked(List.copyOf(to.values()), subject.strip(), body);
    }

    /** Whether the text holds a control character, or a Unicode line or paragraph separator. */
    static boolean hasControl(String text) {
        return text.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        });
    }

    /** {@code address} or {@code Name <address>} or {@code "Name" <address>}; null when not accepted. */
    static @Nullable Recipient recipient(String entry) {
        if (entry.endsWith(">")) {
            int open = entry.lastIndexOf('<');
            if (open < 0) {
                return null;
            }
            String address = entry.substring(open + 1, entry.length() - 1);
            String name = entry.substring(0, open).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || c == '\\')) {
                return null;
            }
            return isAddress(address) ? new Recipient(address, name.isEmpty() ? null : name) : null;
        }
        return isAddress(entry) ? new Recipient(entry, null) : null;
    }

    /** A strict {@code dot-atom "@" domain} address of at most 254 characters. */
    static boolean isAddress(String address) {
        if (address.length() > 254 || hasControl(address)) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !dotted(local, ATOM)) {
            return false;
        }
        if (domain.length() > 253 || !dotted(domain, LABEL)) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        return labels.length >= 2 && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static boolean dotted(String text, Pattern part) {
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        for (String piece : text.split("\\.", -1)) {
            if (!part.matcher(piece).matches()) {
                return false;
            }
        }
        return true;
    }
}
