package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.StoredTokens;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.connections.vault.TokenVaultException;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Revocation, reconnect, disconnect (with its crypto guarantee) and who may see and remove connections. */
@MailboardIntegrationTest
class ConnectionLifecycleIntegrationTests {

    private static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
    private static boolean listening;

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
    MailboxCheck mailboxCheck;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void listen() {
        synchronized (EVENTS) {
            if (!listening) {
                context.addApplicationListener(new ApplicationListener<PayloadApplicationEvent<?>>() {
                    @Override
                    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
                        EVENTS.add(event.getPayload());
                    }
                });
                listening = true;
            }
        }
    }

    static ConnectionView connected(Connections connections, ConnectTestSupport.Person person, String mailbox) {
        ConnectTestSupport.connect(person.client(), mailbox);
        return connections.listFor(TestUsers.current(person)).stream()
                .filter(c -> c.mailboxAddress().equals(mailbox))
                .findFirst()
                .orElseThrow();
    }

    static void expire(TokenVault vault, ConnectionView c) {
        StoredTokens stored = vault.find(c.accountId(), c.id()).orElseThrow();
        OAuthTokens t = stored.tokens();
        vault.replace(
                c.accountId(),
                c.id(),
                stored.version(),
                OAuthTokens.of(
                        t.accessToken(), null, Instant.now(Clock.systemUTC()).minusSeconds(60), t.scopes()));
    }

    @Test
    void aRevokedGrantTurnsNeedsReconnectOnceAndReconnectingRestoresTheSameConnection() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        ConnectTestSupport.Person otherAdmin = ConnectTestSupport.newUser(accounts, port, person.account(), Role.ADMIN);
        ConnectTestSupport.Person member = ConnectTestSupport.newUser(accounts, port, person.account(), Role.MEMBER);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        ConnectionView c = connected(connections, person, mailbox);
        assertThat(EVENTS)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ConnectionEstablished.class, x -> {
                    assertThat(x.connectionId()).isEqualTo(c.id());
                    assertThat(x.mailboxAddress()).isEqualTo(mailbox);
                    assertThat(x.ownerId()).isEqualTo(person.user().id());
                }));

        assertThat(person.client()
                        .json("POST", "/sandbox/grants/revoke", "{\"address\":\"" + mailbox + "\"}")
                        .statusCode())
                .isEqualTo(200);
        expire(vault, c);
        long tokenCalls = tokenEndpoint.requestCount();
        long graphCalls = mailboxCheck.requestCount();

        assertThatThrownBy(() -> accessTokens.freshToken(c.id()))
                .isInstanceOfSatisfying(
                        ConnectionUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionUnavailableException.Reason.NEEDS_RECONNECT));
        assertThat(tokenEndpoint.requestCount()).isEqualTo(tokenCalls + 1);
        ConnectionView lost = connections.get(TestUsers.current(person), c.id());
        assertThat(lost.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(lost.accessLostAt()).isNotNull();
        assertThat(EVENTS)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ConnectionNeedsReconnect.class,
                                n -> assertThat(n.connectionId()).isEqualTo(c.id())));
        assertThatThrownBy(() -> accessTokens.freshToken(c.id())).isInstanceOf(ConnectionUnavailableException.class);
        assertThat(tokenEndpoint.requestCount()).isEqualTo(tokenCalls + 1);
        assertThat(mailboxCheck.requestCount()).isEqualTo(graphCalls);
        assertThat(ConnectTestSupport.integrationsPage(person.client())).contains("Needs reconnect");
        assertThat(auditActions(person.client())).contains("connection.needs-reconnect");
        assertThat(person.client().get("/").body()).contains("Notices (1)");
        assertThat(person.client().get("/notices").body())
                .contains("Your mailbox " + mailbox + " needs to be reconnected")
                .contains("href=\"/integrations\"");
        assertThat(person.client().get("/").body()).doesNotContain("Notices (1)");
        assertThat(otherAdmin.client().get("/notices").body())
                .contains("The mailbox " + mailbox + " needs to be reconnected by the user who connected it");
        assertThat(member.client().get("/notices").body()).contains("Nothing needs your attention");

        ConnectionView again = connected(connections, person, mailbox);
        assertThat(again.id()).isEqualTo(c.id());
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(EVENTS)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ConnectionRestored.class, r -> {
                    assertThat(r.connectionId()).isEqualTo(c.id());
                    assertThat(r.accessLostAt()).isEqualTo(lost.accessLostAt());
                }));
        assertThat(accessTokens.freshToken(c.id()).reveal()).isNotBlank();
        assertThat(auditActions(person.client())).contains("connection.reconnected", "connection.connected");
    }

    @Test
    void afterDisconnectAnEarlierCopyOfTheTokenRowCannotBeDecrypted() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        ConnectionView c = connected(connections, person, ConnectTestSupport.newMailbox(person.client()));
        Map<String, Object> copy = jdbc.sql("select * from connection_token where connection_id = ?")
                .param(c.id().value())
                .query()
                .singleRow();

        assertThat(person.client()
                        .json("DELETE", "/api/v1/connections/" + c.id(), "")
                        .statusCode())
                .isEqualTo(204);

        assertThat(vault.find(c.accountId(), c.id())).isEmpty();
        String columns = String.join(", ", copy.keySet());
        String marks = copy.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
        jdbc.sql("insert into connection_token (" + columns + ") values (" + marks + ")")
                .params(copy.values().toArray())
                .update();
        assertThatThrownBy(() -> vault.find(c.accountId(), c.id())).isInstanceOf(TokenVaultException.class);
        assertThatThrownBy(() -> accessTokens.freshToken(c.id()))
                .isInstanceOfSatisfying(
                        ConnectionUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionUnavailableException.Reason.REMOVED));
        assertThat(EVENTS)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ConnectionRemoved.class,
                                r -> assertThat(r.connectionId()).isEqualTo(c.id())));
        assertThat(auditActions(person.client())).contains("connection.disconnected");
        jdbc.sql("delete from connection_token where connection_id = ?")
                .param(c.id().value())
                .update();
    }

    @Test
    void membersSeeOnlyTheirOwnAdminsSeeAndRevokeAllOtherAccountsSeeNothing() {
        ConnectTestSupport.Person admin = ConnectTestSupport.newAdmin(accounts, port);
        ConnectTestSupport.Person member = ConnectTestSupport.newUser(accounts, port, admin.account(), Role.MEMBER);
        ConnectTestSupport.Person stranger = ConnectTestSupport.newAdmin(accounts, port);
        ConnectionView c = connected(connections, member, ConnectTestSupport.newMailbox(member.client()));
        ConnectTestSupport.Person otherMember =
                ConnectTestSupport.newUser(accounts, port, admin.account(), Role.MEMBER);
        String path = "/api/v1/connections/" + c.id();

        assertThat(member.client().get("/api/v1/connections").body()).contains(c.id().toString());
        assertThat(member.client().json("GET", path, "").statusCode()).isEqualTo(200);
        assertThat(otherMember.client().json("GET", path, "").statusCode()).isEqualTo(404);
        assertThat(otherMember.client().json("DELETE", path, "").statusCode()).isEqualTo(404);
        assertThat(otherMember
                        .client()
                        .json("GET", "/api/v1/connections/all", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(stranger.client().json("GET", path, "").statusCode()).isEqualTo(404);
        assertThat(stranger.client().json("DELETE", path, "").statusCode()).isEqualTo(404);
        assertThat(stranger.client().json("GET", "/api/v1/connections/all", "").body())
                .doesNotContain(c.id().toString());

        TestClient adminClient = admin.client();
        assertThat(adminClient.json("GET", "/api/v1/connections/all", "").body())
                .contains(c.id().toString())
                .contains(member.user().id().toString())
                .contains("Mail.Read");
        assertThat(ConnectTestSupport.integrationsPage(adminClient)).contains(c.mailboxAddress());
        assertThat(adminClient.json("DELETE", path, "").statusCode()).isEqualTo(204);
        assertThat(connections.find(c.id())).isEmpty();
        assertThat(auditActions(adminClient)).contains("connection.admin-revoked");
    }

    static String auditActions(TestClient admin) {
        return admin.json("GET", "/api/v1/audit?size=200", "").body();
    }
}
