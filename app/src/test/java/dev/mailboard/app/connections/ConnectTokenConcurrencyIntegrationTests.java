package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * S-15: 50 callers on one expired connection cause exactly one token request, within one instance and
 * across two instances (two {@link AccessTokens} with their own in-process locks) sharing the database;
 * the PostgreSQL run repeats it on PostgreSQL.
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
    AccessTokens accessTokens;

    @Autowired
    TokenVault vault;

    @Autowired
    TokenEndpoint tokenEndpoint;

    @Autowired
    ConnectionRepository repository;

    @Autowired
    TokenRefresh refresh;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OAuthProperties properties;

    @Test
    void fiftyCallersOnOneExpiredConnectionCauseOneTokenRequest() throws Exception {
        ConnectionView c = freshConnection();
        String before = accessTokens.freshToken(c.id()).reveal();
        ConnectionLifecycleIntegrationTests.expire(vault, c);
        long calls = tokenEndpoint.requestCount();

        Set<String> tokens = callConcurrently(List.of(accessTokens), c.id());

        assertThat(tokenEndpoint.requestCount()).isEqualTo(calls + 1);
        assertThat(tokens).hasSize(1).doesNotContain(before);
        assertThat(vault.find(c.accountId(), c.id()).orElseThrow().tokens().accessTokenExpiresAt())
                .isAfter(Instant.now(Clock.systemUTC()).plusSeconds(600));
        assertThat(connections.find(c.id()).orElseThrow().lastRefreshAt()).isNotNull();
    }

    @Test
    void twoInstancesSharingTheDatabaseCauseOneTokenRequest() throws Exception {
        ConnectionView c = freshConnection();
        AccessTokens secondInstance =
                new AccessTokens(repository, vault, refresh, transactions, Clock.systemUTC(), properties);
        ConnectionLifecycleIntegrationTests.expire(vault, c);
        long calls = tokenEndpoint.requestCount();

        Set<String> tokens = callConcurrently(List.of(accessTokens, secondInstance), c.id());

        assertThat(tokenEndpoint.requestCount()).isEqualTo(calls + 1);
        assertThat(tokens).hasSize(1);
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
