package dev.mailboard.app.connections;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the browser may be sent after a connect (S-7): only the listed relative paths of Mailboard's own
 * pages, optionally followed by a simple path segment; anything else becomes the integrations page.
 */
final class ReturnTargets {

    static final String DEFAULT = "/integrations";
    private static final List<String> ALLOWED_PREFIXES = List.of("/integrations", "/boards", "/recipes", "/settings");
    private static final Pattern SAFE = Pattern.compile("/[a-z]+(/[A-Za-z0-9_-]{1,64}){0,3}");

    private ReturnTargets() {}

    /**
     * The safe target for a requested one.
     *
     * @param requested what the page asked for, possibly hostile
     * @return the requested path if allowed, else {@link #DEFAULT}
     */
    static String sanitize(@Nullable String requested) {
        if (requested == null
                || requested.length() > 200
                || !SAFE.matcher(requested).matches()) {
            return DEFAULT;
        }
        for (String prefix : ALLOWED_PREFIXES) {
            if (requested.equals(prefix) || requested.startsWith(prefix + "/")) {
                return requested;
            }
        }
        return DEFAULT;
    }
}
