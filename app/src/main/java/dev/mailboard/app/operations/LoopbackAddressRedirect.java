package dev.mailboard.app.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a browser that opened a page on another loopback name of this machine than the public URL's (for
 * example {@code 127.0.0.1} while the URL says {@code localhost}) to the public URL first, adding
 * {@code moved-from=<host:port>} so the page can say why. Without it, the sign-in cookie of one name is not
 * sent to the other, and Connect Outlook, which returns to the public URL, would land on the sign-in page.
 * Only another loopback name on the same port counts: behind a proxy the {@code Host} header says nothing
 * reliable (S-6), and a proxy on another port is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LoopbackAddressRedirect extends OncePerRequestFilter {

    /** The query parameter that tells the page where the browser came from. */
    static final String MOVED_FROM = "moved-from";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> NOT_PAGES = Set.of(
            "/api/",
            "/sandbox",
            "/actuator",
            "/v3/",
            "/webjars/",
            "/css/",
            "/js/",
            "/img/",
            "/login/oauth2/",
            "/oauth2/");

    private final PublicUrl publicUrl;

    LoopbackAddressRedirect(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI base = publicUrl.base();
        if (isPage(request) && isOtherLoopbackName(request, base)) {
            String query = request.getQueryString();
            String from = request.getServerName() + ":" + request.getServerPort();
            response.sendRedirect(base + request.getRequestURI() + "?" + (query == null ? "" : query + "&") + MOVED_FROM
                    + "=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI();
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null
                && accept.contains("text/html")
                && NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    private static boolean isOtherLoopbackName(HttpServletRequest request, URI base) {
        String host = request.getServerName();
        int port = base.getPort() == -1 ? ("https".equals(base.getScheme()) ? 443 : 80) : base.getPort();
        return LOOPBACK.contains(host)
                && LOOPBACK.contains(base.getHost())
                && !host.equals(base.getHost())
                && request.getServerPort() == port;
    }
}
