package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Drives the authorization code flow with PKCE the way a browser and a client would, over HTTP. */
public final class OAuthFlow {

    public static final String CLIENT_ID = "test-app";
    public static final String SECRET = "test-secret-value";
    public static final String REDIRECT = "http://localhost:8080/login/oauth2/code/microsoft";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final SandboxHttp http;

    public OAuthFlow(SandboxHttp http) {
        this.http = http;
    }

    public void registerApp() {
        var answer = http.post(
                "/sandbox/apps",
                SandboxHttp.json(Map.of(
                        "clientId",
                        CLIENT_ID,
                        "clientSecret",
                        SECRET,
                        "displayName",
                        "Mailboard Test",
                        "redirectUris",
                        java.util.List.of(REDIRECT))));
        assertThat(answer.status()).isEqualTo(201);
    }

    public String createMailbox(String address) {
        var answer = http.post(
                "/sandbox/mailboxes", SandboxHttp.json(Map.of("address", address, "displayName", "Test " + address)));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    public static String verifier() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String authorizeUrl(String scope, String verifier) {
        return "/sandbox/login/common/oauth2/v2.0/authorize?client_id=" + CLIENT_ID + "&response_type=code"
                + "&redirect_uri=" + SandboxHttp.enc(REDIRECT) + "&scope=" + SandboxHttp.enc(scope)
                + "&state=st-123&nonce=n-456&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
    }

    /** Shows the consent page, submits it with the decision, and answers the redirect's query parameters. */
    public Map<String, String> consent(String scope, String verifier, String login, String decision) {
        var page = http.get(authorizeUrl(scope, verifier));
        assertThat(page.status()).isEqualTo(200);
        var form = hiddenFields(page.body());
        form.put("login", login);
        form.put("decision", decision);
        var answer = http.form("/sandbox/login/common/oauth2/v2.0/authorize", form);
        assertThat(answer.status()).isEqualTo(302);
        var location = answer.header("Location");
        assertThat(location).startsWith(REDIRECT);
        return UriComponentsBuilder.fromUriString(String.valueOf(location))
                .build()
                .getQueryParams()
                .toSingleValueMap()
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e -> java.net.URLDecoder.decode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public SandboxHttp.Answer redeem(@org.jspecify.annotations.Nullable String code, String verifier) {
        return http.form(
                "/sandbox/login/common/oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        CLIENT_ID,
                        "client_secret",
                        SECRET,
                        "code",
                        String.valueOf(code),
                        "redirect_uri",
                        REDIRECT,
                        "code_verifier",
                        verifier));
    }

    public SandboxHttp.Answer refresh(String refreshToken) {
        return http.form(
                "/sandbox/login/common/oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        CLIENT_ID,
                        "client_secret",
                        SECRET,
                        "refresh_token",
                        refreshToken));
    }

    /** The whole flow: consent accepted, code redeemed; answers the token response. */
    public JsonNode tokens(String login, String scope) {
        var verifier = verifier();
        var redirect = consent(scope, verifier, login, "accept");
        var answer = redeem(redirect.get("code"), verifier);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    public String accessToken(String login, String scope) {
        return tokens(login, scope).path("access_token").asString();
    }

    static Map<String, String> hiddenFields(String html) {
        var fields = new LinkedHashMap<String, String>();
        var matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(HtmlUtils.htmlUnescape(matcher.group(1)), HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return fields;
    }
}
