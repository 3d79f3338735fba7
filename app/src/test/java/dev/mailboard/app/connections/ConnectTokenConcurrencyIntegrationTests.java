package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * S-15: 50 callers on one expired connection cause exactly one token request, within one instance and
 * across two instances (two {@link AccessTokens} with their own in-process locks) sharing the database;
 * the PostgreSQL run repeats it on PostgreSQL.
 *
 * <p>The instances under test are the production classes on their own token endpoint client, so that the count
 * holds their requests only, and on a clock two hours ahead, so that the connection's token, valid for an hour,
 * has expired for them alone. The service's background refresher, on the real clock, leaves it alone, and its
 * refreshes of other tests' connections are not counted.
 */
@MailboardIntegrationTest
class ConnectTokenConcurrencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    TokenVault vault;

    @Autowired
    ConnectionRepository repository;

    @Autowired
    OAuthProvider provider;

    @Autowired
    ConnectionAudit audit;

    @Autowired
    ConnectionNotices notices;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OAuthProperties properties;

    private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    @Test
    void fiftyCallersOnOneExpiredConnectionCauseOneTokenRequest() throws Exception {
        ConnectionView c = freshConnection();
        String before = vault.find(c.accountId(), c.id())
                .orElseThrow()
                .tokens()
                .accessToken()
                .reveal();
        TokenEndpoint endpoint = endpoint();
        AccessTokens instance = instance(endpoint);

        Set<String> tokens = callConcurrently(List.of(instance), c.id());

        assertThat(endpoint.requestCount()).isEqualTo(1);
        assertThat(tokens).hasSize(1).doesNotContain(before);
        assertThat(vault.find(c.accountId(), c.id()).orElseThrow().tokens().accessTokenExpiresAt())
                .isAfter(later.instant().plusSeconds(600));
        assertThat(connections.find(c.id()).orElseThrow().lastRefreshAt()).isNotNull();
    }

    @Test
    void twoInstancesSharingTheDatabaseCauseOneTokenRequest() throws Exception {
        ConnectionView c = freshConnection();
        TokenEndpoint endpoint = endpoint();

        Set<String> tokens = callConcurrently(List.of(instance(endpoint), instance(endpoint)), c.id());

        assertThat(endpoint.requestCount()).isEqualTo(1);
        assertThat(tokens).hasSize(1);
    }

    /** A token endpoint client of the test's own, built as the service builds its own. */
    private TokenEndpoint endpoint() {
        return new TokenEndpoint(ConnectionsConfiguration.restClient(properties), later, null);
    }

    /** An instance of the token service with its own in-process lock, on the clock two hours ahead. */
    private AccessTokens instance(TokenEndpoint endpoint) {
        TokenRefresh refresh = new TokenRefresh(
                provider,
                endpoint,
                vault,
                repository,
                audit,
                notices,
                events,
                later,
                properties,
                new SimpleMeterRegistry());
        return new AccessTokens(repository, vault, refresh, transactions, later, properties);
    }

    private ConnectionView freshConnection() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        return ConnectionLifecycleIntegrationTests.connected(
                connections, person, ConnectTestSupport.newMailbox(person.client()));
    }

    private static Set<String> callConcurrently(List<AccessTokens> instances, ConnectionId id) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                AccessTokens instance = instances.get(i % instances.size());
                Callable<String> call = () -> {
                    start.await();
                    return instance.freshToken(id).reveal();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : results) {
                tokens.add(result.get(60, TimeUnit.SECONDS));
            }
            return tokens.stream().collect(Collectors.toSet());
        } finally {
            pool.shutdownNow();
        }
    }
}
