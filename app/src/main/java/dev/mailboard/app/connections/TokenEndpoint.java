package dev.mailboard.app.connections;

import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.SecretToken;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a provider's token endpoint (authorization code with PKCE, refresh token), authenticating with a client
 * secret ({@code client_secret_post}) or a signed client assertion ({@code private_key_jwt}).
 * Bodies are sent and read as bytes, never through a logging message converter; nothing here logs.
 */
class TokenEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRAPH_PREFIX = "https://graph.microsoft.com/";

    private final RestClient http;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final @Nullable MeterRegistry meters;

    TokenEndpoint(RestClient http, Clock clock, @Nullable MeterRegistry meters) {
        this.http = http;
        this.clock = clock;
        this.meters = meters;
    }

    /** How many token requests this client has sent (tests and metrics read it). */
    long requestCount() {
        return requests.get();
    }

    TokenResult redeem(
            ProviderSettings provider, String code, String verifier, String redirectUri, List<String> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        form.put("scope", String.join(" ", scopes));
        return post(provider, form, "authorization_code", scopes);
    }

    TokenResult refresh(ProviderSettings provider, SecretToken refreshToken, List<String> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("scope", String.join(" ", scopes));
        return post(provider, form, "refresh_token", scopes);
    }

    private TokenResult post(ProviderSettings provider, Map<String, String> form, String grant, List<String> asked) {
        form.put("client_id", provider.clientId());
        provider.credentials().addTo(form, provider.clientId(), provider.tokenUri());
        byte[] body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
        requests.incrementAndGet();
        if (meters != null) {
            meters.counter("mailboard.connections.token.requests", "grant", grant)
                    .increment();
        }
        try {
            return http.post()
                    .uri(provider.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] answer = response.getBody().readAllBytes();
                        return interpret(status, answer, response.getHeaders().getFirst("Retry-After"), asked);
                    });
        } catch (ResourceAccessException e) {
            return new TokenResult.Failed(
                    "the token endpoint did not answer in time or could not be reached", Duration.ZERO);
        }
    }

    private TokenResult interpret(int status, byte[] answer, @Nullable String retryAfter, List<String> asked)
            throws IOException {
        if (status == 429 || status >= 500) {
            return new TokenResult.Failed("the token endpoint answered HTTP " + status, retryAfter(retryAfter));
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer);
        } catch (RuntimeException e) {
            return new TokenResult.Failed(
                    "the token endpoint answered HTTP " + status + " without JSON", Duration.ZERO);
        }
        if (status != 200) {
            String error = json.path("error").asString("unknown_error");
            String description = json.path("error_description").asString("");
            int firstLine = description.indexOf('\n');
            return new TokenResult.Refused(error, firstLine > 0 ? description.substring(0, firstLine) : description);
        }
        String access = json.path("access_token").asString("");
        if (access.isBlank()) {
            return new TokenResult.Refused("invalid_response", "the token response has no access token");
        }
        String refresh = json.path("refresh_token").asString("");
        long expiresIn = json.path("expires_in").asLong(0);
        Instant expiresAt = expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null;
        String scope = json.path("scope").asString("");
        TreeSet<String> scopes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (scope.isBlank()) {
            scopes.addAll(asked);
        } else {
            Arrays.stream(scope.trim().split("\\s+"))
                    .map(s -> s.startsWith(GRAPH_PREFIX) ? s.substring(GRAPH_PREFIX.length()) : s)
                    .forEach(scopes::add);
        }
        return new TokenResult.Granted(OAuthTokens.of(
                SecretToken.of(access), refresh.isBlank() ? null : SecretToken.of(refresh), expiresAt, scopes));
    }

    private static Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Math.min((long) (Double.parseDouble(header.trim()) * 1000), 60_000));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
