package dev.mailboard.app.mail.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks {@code @odata.nextLink} and {@code @odata.deltaLink} before anything is sent to them (S-33): the
 * scheme must be the base URL's ({@code https} for Microsoft), the host exactly the allowed host
 * ({@code graph.microsoft.com}), the port the base URL's, no user info, and the path under the base path.
 * Any other link aborts the call without sending the token anywhere.
 */
final class LinkGuard {

    private final String scheme;
    private final String host;
    private final int port;
    private final String basePath;
    private final boolean sameHostAsBase;

    LinkGuard(URI baseUrl, String allowedHost) {
        this.scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        this.host = allowedHost.toLowerCase(Locale.ROOT);
        this.port = effectivePort(baseUrl);
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path : path + "/";
        this.sameHostAsBase = host.equalsIgnoreCase(String.valueOf(baseUrl.getHost()));
    }

    /** The link as a URI, if it may be followed; else an {@link GraphException.Kind#UNTRUSTED_LINK} failure. */
    @SuppressWarnings("UnusedException") // the parse error adds nothing to "not a valid URI"
    URI check(String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw refused("it is not a valid URI");
        }
        if (!uri.isAbsolute() || !scheme.equalsIgnoreCase(uri.getScheme())) {
            throw refused("its scheme is not " + scheme);
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || !host.equalsIgnoreCase(uri.getHost())) {
            throw refused("its host is not " + host);
        }
        if (sameHostAsBase && effectivePort(uri) != port) {
            throw refused("its port is not " + port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.startsWith(basePath) || path.contains("/../") || uri.getRawFragment() != null) {
            throw refused("its path is not under " + basePath);
        }
        return uri;
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static GraphException refused(String reason) {
        return new GraphException(
                GraphException.Kind.UNTRUSTED_LINK,
                0,
                "UntrustedLink",
                "a link from Graph was not followed because " + reason,
                null);
    }
}
