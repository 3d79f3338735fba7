package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * What every page's layout needs: the signed-in user (if any), the CSRF token for forms, and the
 * current path for the navigation.
 *
 * @param user the signed-in user, or null on public pages
 * @param csrfParameter the form field name of the CSRF token
 * @param csrfHeader the header name htmx sends the CSRF token in
 * @param csrfToken the CSRF token value
 * @param path the request path
 * @param unreadNotices how many notices the signed-in user has not seen
 * @param movedFrom the other address of this machine the browser was sent here from (for example
 *     {@code 127.0.0.1:8080}), or empty
 */
public record PageContext(
        @Nullable CurrentUser user,
        String csrfParameter,
        String csrfHeader,
        String csrfToken,
        String path,
        long unreadNotices,
        String movedFrom) {

    /**
     * Whether the navigation entry for a path prefix is the current one.
     *
     * @param prefix for example {@code /users}
     * @return true when the request path starts with it
     */
    public boolean isCurrent(String prefix) {
        return "/".equals(prefix) ? "/".equals(path) : path.startsWith(prefix);
    }

    /**
     * Whether the signed-in user administers the account.
     *
     * @return true for admins
     */
    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }
}
