package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The HTTP edge of the emulated Graph: turns servlet requests into {@link GraphRequest}s and back. */
@RestController
final class GraphController {

    private static final String PREFIX = "/sandbox/graph/";
    private static final Pattern KEYED = Pattern.compile("^([A-Za-z.$]+)\\('(.*)'\\)$");

    private final GraphRouter router;
    private final SandboxUrls urls;

    GraphController(GraphRouter router, SandboxUrls urls) {
        this.router = router;
        this.urls = urls;
    }

    @RequestMapping(PREFIX + "**")
    ResponseEntity<byte[]> handle(HttpServletRequest request, @RequestBody(required = false) byte @Nullable [] body) {
        var uri = request.getRequestURI().substring(request.getContextPath().length());
        var path = uri.length() > PREFIX.length() ? uri.substring(PREFIX.length()) : "";
        var headers = new LinkedHashMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(",", Collections.list(request.getHeaders(name))));
        }
        var text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        var graphBase = urls.base(request) + "/sandbox/graph";
        var response =
                router.handle(parse(request.getMethod(), path, request.getQueryString(), headers, text, graphBase));
        return toEntity(response);
    }

    static GraphRequest parse(
            String method,
            String path,
            @Nullable String rawQuery,
            Map<String, String> headers,
            String body,
            String graphBase) {
        var trimmed = path.startsWith("/") ? path.substring(1) : path;
        var segments = new ArrayList<String>();
        for (var raw : trimmed.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            var decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
            var keyed = KEYED.matcher(decoded);
            if (keyed.matches()) {
                segments.add(keyed.group(1));
                segments.add(keyed.group(2));
            } else {
                segments.add(decoded);
            }
        }
        return new GraphRequest(
                method.toUpperCase(Locale.ROOT),
                List.copyOf(segments),
                trimmed,
                query(rawQuery),
                headers,
                body,
                graphBase);
    }

    private static Map<String, String> query(@Nullable String raw) {
        var result = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(name, value);
        }
        return result;
    }

    private static ResponseEntity<byte[]> toEntity(GraphResponse response) {
        var headers = new HttpHeaders();
        response.headers().forEach(headers::set);
        var contentType = response.contentType();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        var body = response.body();
        return body == null
                ? ResponseEntity.status(response.status()).headers(headers).build()
                : ResponseEntity.status(response.status()).headers(headers).body(body);
    }
}
