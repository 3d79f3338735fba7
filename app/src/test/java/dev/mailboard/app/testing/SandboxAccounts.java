package dev.mailboard.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sandbox mailboxes and real access tokens for tests, over HTTP only: registers a test app, creates
 * mailboxes, drives the authorization code flow with PKCE through the consent page, and uses the control
 * API (deliver, move, delete, sent log, faults).
 */
public final class SandboxAccounts {

    /** The test app's client id. */
    public static final String CLIENT_ID = "mailboard-tests";

    /** Scopes for reading mail. */
    public static final String READ_SCOPES = "openid offline_access User.Read Mail.Read";

    /** Scopes for reading, drafting and sending mail. */
    public static final String SEND_SCOPES = "openid offline_access User.Read Mail.Read Mail.ReadWrite Mail.Send";

    private static final String SECRET = "mailboard-tests-client-secret";
    private static final String REDIRECT = "http://localhost/test/oauth2/callback";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private boolean registered;

    /**
     * Creates the helper for the app on this port.
     *
     * @param port the app's port (the sandbox runs inside it)
     */
    public SandboxAccounts(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A sandbox mailbox. */
    public record Mailbox(String id, String address) {}

    /** Graph's base URL in the sandbox. */
    public URI graphBaseUrl() {
        return URI.create(base + "/sandbox/graph/v1.0");
    }

    /** The app's own base URL. */
    public String appBaseUrl() {
        return base;
    }

    /** Creates a mailbox with a unique address starting with {@code name}. */
    public Mailbox createMailbox(String name) {
        String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.test";
        JsonNode answer = expect(
                201, send("POST", "/sandbox/mailboxes", Map.of("address", address, "displayName", "Test " + name)));
        return new Mailbox(answer.path("id").asString(), address);
    }

    /** An access token for the mailbox with these scopes, from the code flow with PKCE. */
    public String accessToken(String address, String scopes) {
        registerApp();
        String verifier = verifier();
        String query = "client_id=" + CLIENT_ID + "&response_type=code&response_mode=query&redirect_uri="
                + enc(REDIRECT)
                + "&scope=" + enc(scopes) + "&state=" + UUID.randomUUID() + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&login_hint=" + enc(address);
        HttpResponse<String> page = execute(
                HttpRequest.newBuilder(URI.create(base + "/sandbox/login/common/oauth2/v2.0/authorize?" + query))
                        .GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = hiddenFields(page.body());
        form.put("login", address);
        form.put("decision", "accept");
        HttpResponse<String> consent = form("/sandbox/login/common/oauth2/v2.0/authorize", form);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        String code = UriComponentsBuilder.fromUriString(location)
                .build()
                .getQueryParams()
                .getFirst("code");
        assertThat(code).as(location).isNotNull();
        HttpResponse<String> tokens = form(
                "/sandbox/login/common/oauth2/v2.0/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "client_id", CLIENT_ID,
                        "client_secret", SECRET,
                        "code", java.net.URLDecoder.decode(String.valueOf(code), StandardCharsets.UTF_8),
                        "redirect_uri", REDIRECT,
                        "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("access_token").asString();
    }

    /** Puts a message into a mailbox folder; answers the control API's view ({@code id} is immutable). */
    public JsonNode deliver(String address, Map<String, Object> message) {
        return expect(201, send("POST", "/sandbox/mailboxes/" + enc(address) + "/messages", message));
    }

    /** Puts a simple text message into the Inbox. */
    public JsonNode deliver(String address, String subject) {
        return deliver(
                address,
                Map.of(
                        "from",
                        Map.of("name", "Sender", "address", "sender@example.com"),
                        "to",
                        List.of(address),
                        "subject",
                        subject,
                        "bodyText",
                        "Body of " + subject));
    }

    /** Moves a message to another folder through the control API. */
    public void move(String address, String messageId, String folder) {
        expect(
                200,
                send(
                        "POST",
                        "/sandbox/mailboxes/" + enc(address) + "/messages/" + enc(messageId) + "/move",
                        Map.of("folder", folder)));
    }

    /** Deletes a message through the control API. */
    public void delete(String address, String messageId) {
        HttpResponse<String> answer =
                send("DELETE", "/sandbox/mailboxes/" + enc(address) + "/messages/" + enc(messageId), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    /** Every message of a mailbox, with its folder. */
    public JsonNode messages(String address) {
        return expect(200, send("GET", "/sandbox/mailboxes/" + enc(address) + "/messages", null));
    }

    /** What a mailbox sent. */
    public JsonNode sent(String address) {
        return expect(200, send("GET", "/sandbox/mailboxes/" + enc(address) + "/sent", null));
    }

    /** Sets the sandbox's injected faults (global: clear them in a finally block). */
    public void faults(Map<String, Object> settings) {
        expect(200, send("PUT", "/sandbox/faults", settings));
    }

    /** Clears every injected fault. */
    public void clearFaults() {
        assertThat(send("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
    }

    /** The sandbox's subscriptions. */
    public JsonNode subscriptions() {
        return expect(200, send("GET", "/sandbox/subscriptions", null));
    }

    private synchronized void registerApp() {
        if (registered) {
            return;
        }
        expect(
                201,
                send(
                        "POST",
                        "/sandbox/apps",
                        Map.of(
                                "clientId",
                                CLIENT_ID,
                                "clientSecret",
                                SECRET,
                                "displayName",
                                "Mailboard tests",
                                "redirectUris",
                                List.of(REDIRECT))));
        registered = true;
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return execute(request);
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return execute(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> execute(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(HtmlUtils.htmlUnescape(matcher.group(1)), HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return fields;
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
