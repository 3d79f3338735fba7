package dev.mailboard.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * An HTTP client for tests that behaves like a browser without JavaScript: it keeps cookies, signs in
 * through the login form and sends the CSRF token with every change.
 */
public final class TestClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient http;

    private TestClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A client that has not signed in.
     *
     * @param port the server's port
     * @return the client
     */
    public static TestClient anonymous(int port) {
        return new TestClient("http://localhost:" + port);
    }

    /**
     * A client signed in through the login form.
     *
     * @param port the server's port
     * @param email the user's address
     * @param password the user's password
     * @return the client
     * @throws IllegalStateException when the sign-in fails
     */
    public static TestClient signedIn(int port, String email, String password) {
        TestClient client = anonymous(port);
        HttpResponse<String> response = client.signIn(email, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("Sign-in failed for " + email + ": " + location);
        }
        return client;
    }

    /**
     * Posts the login form.
     *
     * @param email the address typed in
     * @param password the password typed in
     * @return the response (a redirect to {@code /} or to {@code /login?error})
     */
    public HttpResponse<String> signIn(String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        return postForm("/login", form, csrfFrom(get("/login").body()));
    }

    /**
     * GETs a path.
     *
     * @param path a path such as {@code /users}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * Posts a form with a CSRF token taken from the home page.
     *
     * @param path the form's action
     * @param fields the form fields
     * @return the response
     */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, csrfToken());
    }

    /**
     * Sends JSON with the session's CSRF token.
     *
     * @param method {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
     * @param path the API path
     * @param json the body, or null for none
     * @return the response
     */
    public HttpResponse<String> json(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("X-CSRF-TOKEN", csrfToken())
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /**
     * Sends any request built by the caller, with this client's cookies.
     *
     * @param request the request, relative paths resolved against the server
     * @return the response
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A valid CSRF token for this session, read from the home page.
     *
     * @return the token
     */
    public String csrfToken() {
        Matcher matcher = CSRF_META.matcher(get("/").body());
        return matcher.find() ? matcher.group(1) : "";
    }

    /**
     * Resolves a path against the server.
     *
     * @param path a path starting with {@code /}
     * @return the absolute URI
     */
    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String csrfFrom(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        if (field.find()) {
            return field.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        return meta.find() ? meta.group(1) : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
