package dev.mailboard.app.accounts;

/** The Content-Security-Policy every page carries: no inline script, no remote resources, no framing. */
public final class ContentSecurityPolicy {

    private static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** The policy of every page. */
    public static final String DEFAULT = BASE;

    private ContentSecurityPolicy() {}

    /**
     * The same policy, also letting forms lead to one other origin (for example the identity provider's
     * login page that a "Connect" form redirects to).
     *
     * @param origin for example {@code https://login.microsoftonline.com}
     * @return the policy
     */
    public static String allowingFormTarget(String origin) {
        return BASE + " " + origin;
    }
}
