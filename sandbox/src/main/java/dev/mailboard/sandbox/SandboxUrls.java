package dev.mailboard.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds the sandbox's absolute base URL from configuration or, failing that, from the current request. */
public final class SandboxUrls {

    private final SandboxProperties properties;

    public SandboxUrls(SandboxProperties properties) {
        this.properties = properties;
    }

    /** The base URL without trailing slash, for example {@code http://localhost:9090}. */
    public String base(HttpServletRequest request) {
        var configured = properties.baseUrl();
        if (configured != null) {
            return stripSlash(configured.toString());
        }
        return stripSlash(
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
