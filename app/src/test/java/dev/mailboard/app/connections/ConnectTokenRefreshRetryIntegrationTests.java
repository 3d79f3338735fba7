package dev.mailboard.app.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Notices;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.StoredTokens;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * S-14: timeouts, 5xx and 429 from the token endpoint are retried with backoff, honour {@code Retry-After},
 * and never mark a connection as needing reconnect. The connection is real (connected through the sandbox);
 * the token endpoint is a WireMock server that fails on cue.
 */
@MailboardIntegrationTest
class ConnectTokenRefreshRetryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionRepository repository;

    @Autowired
    TokenVault vault;

    @Autowired
    ConnectionAudit audit;

    @Autowired
    Notices notices;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    private WireMockServer wiremock;
    private TokenRefresh refresh;
    private ConnectionView connection;

    @BeforeEach
    void setUp() {
        wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
        OAuthProperties properties = new OAuthProperties(
                null,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(20),
                new OAuthProperties.Microsoft(null, null, null, false, null, "https://login.microsoftonline.com"),
                new OAuthProperties.Provider(
                        wiremock.baseUrl() + "/authorize",
                        wiremock.baseUrl() + "/token",
                        null,
                        null,
                        "mailboard",
                        "client-secret-for-tests",
                        null));
        // the production client: JDK HttpClient with the timeouts above, which never repeats a POST on its own
        TokenEndpoint endpoint =
                new TokenEndpoint(ConnectionsConfiguration.restClient(properties), Clock.systemUTC(), null);
        // the generic provider's branch never needs the public URL
        OAuthProvider provider = new OAuthProvider(properties, null, new MockEnvironment(), Clock.systemUTC());
        refresh = new TokenRefresh(
                provider,
                endpoint,
                vault,
                repository,
                audit,
                new ConnectionNotices(notices),
                events,
                Clock.systemUTC(),
                properties,
                new SimpleMeterRegistry());
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        connection = ConnectionLifecycleIntegrationTests.connected(
                connections, person, ConnectTestSupport.newMailbox(person.client()));
        // The token stays valid, so the service's own background refresher leaves this connection alone and
        // only the refresh under test talks to a token endpoint.
    }

    @AfterEach
    void tearDown() {
        wiremock.stop();
    }

    @Test
    void a503AndA429AreRetriedAndTheThirdAnswerIsStored() {
        answer(aResponse().withStatus(503), aResponse().withStatus(429).withHeader("Retry-After", "0"), granted());

        OAuthTokens tokens = refresh.refresh(connection, stored());

        assertThat(grantedByWireMock(tokens)).isTrue();
        assertThat(grantedByWireMock(stored().tokens())).isTrue();
        assertThat(wiremock.getAllServeEvents()).hasSize(3);
        assertThat(repository.find(connection.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void failuresThatOutlastTheAttemptsLeaveTheConnectionActiveAndTemporarilyUnavailable() {
        answer(
                aResponse().withStatus(500),
                aResponse().withStatus(502),
                aResponse().withStatus(504));

        assertThatThrownBy(() -> refresh.refresh(connection, stored()))
                .isInstanceOfSatisfying(
                        ConnectionUnavailableException.class,
                        e -> assertThat(e.isTransient()).isTrue());

        assertThat(wiremock.getAllServeEvents()).hasSize(3);
        assertThat(repository.find(connection.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(failingSince()).isTrue();
    }

    @Test
    void aTimeoutIsRetriedLikeAFailure() {
        answer(aResponse().withStatus(200).withFixedDelay(6_000), granted(), granted());

        OAuthTokens tokens = refresh.refresh(connection, stored());

        assertThat(grantedByWireMock(tokens)).isTrue();
        assertThat(wiremock.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aLongRetryAfterIsHonouredByGivingUpForNowInsteadOfWaitingUnderTheLock() {
        long seconds = TokenRefresh.LONGEST_WAIT_UNDER_LOCK.toSeconds() * 10;
        answer(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds)), granted(), granted());

        Throwable thrown = catchThrowable(() -> refresh.refresh(connection, stored()));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        ConnectionUnavailableException.class,
                        e -> assertThat(e.isTransient()).isTrue());

        assertThat(wiremock.getAllServeEvents()).hasSize(1);
        assertThat(repository.find(connection.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    /** Compares without ever printing a token in a failure message. */
    private static boolean grantedByWireMock(OAuthTokens tokens) {
        return "at-after-retries".equals(tokens.accessToken().reveal());
    }

    private StoredTokens stored() {
        return vault.find(connection.accountId(), connection.id()).orElseThrow();
    }

    private boolean failingSince() {
        return jdbc.sql("select failing_since from connection where id = ?")
                .param(connection.id().value())
                .query(java.sql.Timestamp.class)
                .optional()
                .isPresent();
    }

    private static ResponseDefinitionBuilder granted() {
        return okJson("{\"access_token\":\"at-after-retries\",\"refresh_token\":\"rt-after-retries\","
                + "\"expires_in\":3600,\"scope\":\"Mail.Read User.Read\"}");
    }

    private void answer(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            wiremock.stubFor(post(urlPathEqualTo("/token"))
                    .inScenario("token")
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer-" + i)
                    .willSetStateTo("answer-" + (i + 1))
                    .willReturn(answers[i]));
        }
    }
}
