package dev.mailboard.app.operations;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address users and Microsoft reach Mailboard at ({@code MAILBOARD_PUBLIC_URL}). Every module that
 * builds an absolute URL (OAuth redirect URIs, webhook URLs, links in mail) takes it from here, never
 * from a request's {@code Host} header (S-6). When the configured URL names port 0 (a server on a random
 * port, as in tests), the port the server actually got is used.
 */
@Component
public class PublicUrl {

    private volatile URI base;

    PublicUrl(ServiceProperties properties) {
        this.base = withoutTrailingSlash(properties.publicUrl());
    }

    /**
     * The base address, without a trailing slash.
     *
     * @return for example {@code https://mailboard.example.com}
     */
    public URI base() {
        return base;
    }

    /**
     * An absolute URL for a path of Mailboard's.
     *
     * @param path a path starting with {@code /}
     * @return the base followed by the path
     */
    public String resolve(String path) {
        return base + path;
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (base.getPort() == 0) {
            try {
                base = new URI(
                        base.getScheme(),
                        null,
                        base.getHost(),
                        event.getWebServer().getPort(),
                        base.getPath(),
                        null,
                        null);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Cannot put the server's port into " + base, e);
            }
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
