package dev.mailboard.app.recipes;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Address and domain patterns of sender and recipient conditions. */
final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[a-z0-9.-]{1,253}$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)*$");

    private Addresses() {}

    /** Whether an address equals {@code pattern}, or is at the domain {@code pattern} or a subdomain of it. */
    static boolean matches(String pattern, String address) {
        String wanted = normalise(pattern);
        String actual = normalise(address);
        if (wanted.isEmpty() || actual.isEmpty()) {
            return false;
        }
        if (wanted.contains("@")) {
            return actual.equals(wanted);
        }
        int at = actual.lastIndexOf('@');
        String domain = at < 0 ? "" : actual.substring(at + 1);
        return domain.equals(wanted) || domain.endsWith("." + wanted);
    }

    static void validatePattern(String pattern, String field, List<FieldProblem> problems) {
        String value = normalise(pattern);
        boolean valid = value.contains("@")
                ? ADDRESS.matcher(value).matches()
                : DOMAIN.matcher(value).matches() && value.length() <= 253;
        if (!valid) {
            problems.add(new FieldProblem(
                    field, "must be an address such as ana@example.com or a domain such as example.com"));
        }
    }

    private static String normalise(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("@") ? lower.substring(1) : lower;
    }
}
