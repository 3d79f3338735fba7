package dev.mailboard.app.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.connections.vault.SecretToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.client.RestClient;

/**
 * The authorization code flow on its own: against mock-oauth2-server as an independent OIDC provider, and
 * against a WireMock token endpoint that counts requests (expired state, PKCE, error answers).
 */
class ConnectAuthorizationFlowTests {

    private static final String REDIRECT = "http://localhost:1/connections/callback/microsoft";

    private final MutableClock clock = new MutableClock();
    private final TokenEndpoint endpoint = new TokenEndpoint(RestClient.create(), clock, null);
    private final UserId user = new UserId(UUID.randomUUID());
    private final MockHttpSession session = new MockHttpSession();
    private WireMockServer wiremock;

    @BeforeEach
    void start() {
        wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    @Test
    void connectsAgainstMockOauth2ServerAsAnIndependentOidcProvider() throws Exception {
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        try {
            ProviderSettings provider = new ProviderSettings(
                    "oidc",
                    oidc.authorizationEndpointUrl("default").toString(),
                    oidc.tokenEndpointUrl("default").toString(),
                    oidc.issuerUrl("default").toString(),
                    "mailboard",
                    new ClientCredentials.Secret("client-secret-for-tests"),
                    ProviderSettings.CONNECT_SCOPES,
                    wiremock.baseUrl());
            AuthorizationFlow flow = flow(provider);

            URI authorize = flow.begin(session, user, provider.connectScopes(), "/integrations", null);
            Map<String, String> callback = TestUsers.query(redirectOf(authorize));
            assertThat(callback).containsKeys("code", "state");

            AuthorizationFlow.Callback result = flow.finish(session, user, callback);
            assertThat(result.refusal()).isNull();
            assertThat(result.result()).isInstanceOfSatisfying(TokenResult.Granted.class, granted -> {
                assertThat(granted.tokens().accessToken().reveal()).isNotBlank();
                assertThat(granted.tokens().accessTokenExpiresAt()).isAfter(clock.instant());
            });
            // Reused: refused without a second token request.
            long before = endpoint.requestCount();
            assertThat(flow.finish(session, user, callback).result()).isNull();
            assertThat(endpoint.requestCount()).isEqualTo(before);
        } finally {
            oidc.shutdown();
        }
    }

    @Test
    void expiredForeignUserAndWrongIssuerStatesMakeNoTokenRequest() {
        wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson(tokenJson())));
        AuthorizationFlow flow = flow(wiremockProvider());

        String expired = stateOf(flow.begin(session, user, ProviderSettings.CONNECT_SCOPES, "/integrations", null));
        clock.advance(Duration.ofMinutes(11));
        assertThat(flow.finish(session, user, Map.of("state", expired, "code", "c1"))
                        .refusal())
                .contains("expired");

        String other = stateOf(flow.begin(session, user, ProviderSettings.CONNECT_SCOPES, "/integrations", null));
        assertThat(flow.finish(session, new UserId(UUID.randomUUID()), Map.of("state", other, "code", "c2"))
                        .refusal())
                .isNotNull();

        String foreign = stateOf(flow.begin(session, user, ProviderSettings.CONNECT_SCOPES, "/integrations", null));
        assertThat(flow.finish(new MockHttpSession(), user, Map.of("state", foreign, "code", "c3"))
                        .refusal())
                .isNotNull();

        String wrongIss = stateOf(flow.begin(session, user, ProviderSettings.CONNECT_SCOPES, "/integrations", null));
        assertThat(flow.finish(session, user, Map.of("state", wrongIss, "code", "c4", "iss", "https://evil.example"))
                        .refusal())
                .contains("issuer");

        wiremock.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void sendsTheS256VerifierOfTheChallengeAndTheConfiguredRedirectUri() {
        wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson(tokenJson())));
        AuthorizationFlow flow = flow(wiremockProvider());
        URI authorize = flow.begin(session, user, ProviderSettings.CONNECT_SCOPES, "/integrations", null);
        Map<String, String> query = TestUsers.query(authorize);
        assertThat(query).containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", REDIRECT);
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);

        AuthorizationFlow.Callback result =
                flow.finish(session, user, Map.of("state", query.get("state"), "code", "the-code"));

        assertThat(result.result()).isInstanceOf(TokenResult.Granted.class);
        String body = wiremock.getAllServeEvents().get(0).getRequest().getBodyAsString();
        Map<String, String> form = TestUsers.query(URI.create("http://x/?" + body));
        assertThat(Pkce.challenge(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        assertThat(form).containsEntry("redirect_uri", REDIRECT).containsEntry("code", "the-code");
    }

    @Test
    void classifiesTokenErrors() {
        ProviderSettings provider = wiremockProvider();
        wiremock.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS50173: revoked\"}")));
        assertThat(endpoint.refresh(provider, SecretToken.of("r"), List.of("Mail.Read")))
                .isInstanceOfSatisfying(
                        TokenResult.Refused.class,
                        r -> assertThat(r.grantGone()).isTrue());
        wiremock.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        assertThat(endpoint.refresh(provider, SecretToken.of("r"), List.of("Mail.Read")))
                .isInstanceOfSatisfying(
                        TokenResult.Failed.class,
                        f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        assertThat(endpoint.refresh(provider, SecretToken.of("r"), List.of("Mail.Read")))
                .isInstanceOf(TokenResult.Failed.class);
    }

    @Test
    void theMailboxCheckReadsOnlyTheNewestMessageIdAndReportsFailures() {
        wiremock.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson("{\"mail\":\"Ada@Example.test\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/me/mailFolders/inbox/messages"))
                .willReturn(okJson("{\"value\":[{\"id\":\"AAMk1\"}]}")));
        MailboxCheck check = new MailboxCheck(RestClient.create());
        assertThat(check.mailboxAddress(wiremock.baseUrl(), SecretToken.of("t")))
                .isEqualTo("ada@example.test");
        assertThat(wiremock.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathEqualTo("/me/mailFolders/inbox/messages")))
                        .get(0)
                        .getUrl())
                .endsWith("?$top=1&$select=id");

        wiremock.stubFor(get(urlPathEqualTo("/me/mailFolders/inbox/messages"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"no\"}}")));
        assertThatThrownBy(() -> check.mailboxAddress(wiremock.baseUrl(), SecretToken.of("t")))
                .hasMessageContaining("403")
                .hasMessageContaining("ErrorAccessDenied");
    }

    private AuthorizationFlow flow(ProviderSettings provider) {
        return new AuthorizationFlow(() -> provider, () -> REDIRECT, endpoint, clock, Duration.ofMinutes(10));
    }

    private ProviderSettings wiremockProvider() {
        return new ProviderSettings(
                "oidc",
                wiremock.baseUrl() + "/authorize",
                wiremock.baseUrl() + "/token",
                "https://issuer.example",
                "mailboard",
                new ClientCredentials.Secret("client-secret-for-tests"),
                ProviderSettings.CONNECT_SCOPES,
                wiremock.baseUrl());
    }

    private static String tokenJson() {
        return "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"expires_in\":3600,"
                + "\"scope\":\"https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/User.Read\"}";
    }

    private static String stateOf(URI authorize) {
        return TestUsers.query(authorize).get("state");
    }

    private static URI redirectOf(URI authorize) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
