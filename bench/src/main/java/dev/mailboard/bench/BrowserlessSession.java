package dev.mailboard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in user of Mailboard as a browser would be one: cookies kept, CSRF tokens read from the pages and
 * sent back, redirects not followed (so that each step can be checked). Used to set up the mail path.
 */
final class BrowserlessSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    BrowserlessSession(URI base) {
        this.base = base;
    }

    /** Signs in through the login form; fails unless Mailboard redirects away from the login page. */
    void signIn(String email, String password) throws IOException, InterruptedException {
        String csrf = find(CSRF_FIELD, get("/login").body(), "the login form's CSRF field");
        HttpResponse<String> response =
                postForm(base.resolve("/login"), Map.of("username", email, "password", password, "_csrf", csrf));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in failed: HTTP " + response.statusCode());
        }
    }

    /** Connects a sandbox mailbox: Connect Outlook, Accept on the sandbox's consent page, back to Mailboard. */
    void connectSandboxMailbox(String mailbox) throws IOException, InterruptedException {
        String csrf = find(CSRF_META, get("/integrations").body(), "the page's CSRF token");
        HttpResponse<String> started = postForm(base.resolve("/integrations/connect"), Map.of("_csrf", csrf));
        URI authorize = URI.create(location(started));
        String consent = send(HttpRequest.newBuilder(authorize).GET()).body();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent);
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("login", mailbox);
        form.put("decision", "accept");
        URI action = authorize.resolve(unescape(find(FORM_ACTION, consent, "the consent form")));
        URI callback = URI.create(location(postForm(action, form)));
        HttpResponse<String> back = send(HttpRequest.newBuilder(callback).GET());
        String landing = location(back);
        if (back.statusCode() != 302 || landing.contains("error")) {
            int query = landing.indexOf('?');
            throw new IllegalStateException("Connecting the mailbox failed: HTTP " + back.statusCode() + " to "
                    + (query < 0 ? landing : landing.substring(0, query)));
        }
    }

    /** Sends JSON to the API with the session and its CSRF token; answers the response. */
    HttpResponse<String> json(String method, String path, String json) throws IOException, InterruptedException {
        String csrf = find(CSRF_META, get("/").body(), "the page's CSRF token");
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Expected a redirect, got HTTP " + response.statusCode()));
    }

    private static String find(Pattern pattern, String html, String what) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " on the page");
        }
        return matcher.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
