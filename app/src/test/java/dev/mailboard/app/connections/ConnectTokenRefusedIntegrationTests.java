package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Graph refused an access token (401) that its expiry time still calls good: the token is refreshed at once
 * (once for all callers that saw the same refused token), and when the grant is gone, the connection needs
 * reconnecting on every page at once, with its notice.
 */
@MailboardIntegrationTest
class ConnectTokenRefusedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    TokenEndpoint tokenEndpoint;

    @Test
    void aRefusedTokenIsRenewedAtOnceAndARefusedGrantNeedsReconnectEverywhere() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        ConnectionView c = ConnectionLifecycleIntegrationTests.connected(connections, person, mailbox);
        String first = accessTokens.freshToken(c.id()).reveal();
        long tokenCalls = tokenEndpoint.requestCount();

        String renewed = accessTokens.renewRefused(c.id(), first).reveal();
        String again = accessTokens.renewRefused(c.id(), first).reveal();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(again)
                .as("a second caller with the same refused token gets the renewed one")
                .isEqualTo(renewed);
        assertThat(tokenEndpoint.requestCount()).isEqualTo(tokenCalls + 1);
        assertThat(accessTokens.freshToken(c.id()).reveal()).isEqualTo(renewed);

        person.client().json("POST", "/sandbox/grants/revoke", "{\"address\":\"" + mailbox + "\"}");
        assertThatThrownBy(() -> accessTokens.renewRefused(c.id(), renewed))
                .isInstanceOfSatisfying(
                        ConnectionUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionUnavailableException.Reason.NEEDS_RECONNECT));

        assertThat(connections.get(TestUsers.current(person), c.id()).status())
                .isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(person.client().get("/api/v1/connections").body())
                .containsIgnoringCase("\"status\":\"needs_reconnect\"");
        assertThat(ConnectTestSupport.integrationsPage(person.client()))
                .contains("Needs reconnect")
                .doesNotContain("<td>Connected</td>")
                .doesNotContainPattern("class=\"status\">\\s*Connected");
        assertThat(person.client().get("/notices").body())
                .contains("Your mailbox " + mailbox + " needs to be reconnected");
    }

    @Test
    void aRenewedTokenThatIsRefusedToTurnsTheConnectionToNeedsReconnect() {
        ConnectTestSupport.Person person = ConnectTestSupport.newAdmin(accounts, port);
        String mailbox = ConnectTestSupport.newMailbox(person.client());
        ConnectionView c = ConnectionLifecycleIntegrationTests.connected(connections, person, mailbox);

        accessTokens.refusedAfterRenewal(c.id());

        assertThat(connections.get(TestUsers.current(person), c.id()).status())
                .isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThatThrownBy(() -> accessTokens.freshToken(c.id())).isInstanceOf(ConnectionUnavailableException.class);
        assertThat(person.client().get("/notices").body())
                .contains("Your mailbox " + mailbox + " needs to be reconnected");
    }
}
