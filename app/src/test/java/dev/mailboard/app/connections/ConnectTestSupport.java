package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Helpers for the connections tests: a fresh account and user, a sandbox mailbox, a full connect. */
final class ConnectTestSupport {

    static final String PASSWORD = "a long enough test password";

    private ConnectTestSupport() {}

    record Person(AccountView account, UserView user, TestClient client) {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
    }

    static Person newAdmin(Accounts accounts, int port) {
        AccountView account =
                accounts.createAccount("Connect " + UUID.randomUUID().toString().substring(0, 6));
        return newUser(accounts, port, account, Role.ADMIN);
    }

    static Person newUser(Accounts accounts, int port, AccountView account, Role role) {
        UserView user = accounts.createUser(
                new NewUser(account.id(), unique(role.code()).replace("sandbox.", ""), "A " + role.code(), role),
                PASSWORD);
        return new Person(account, user, TestClient.signedIn(port, user.email(), PASSWORD));
    }

    static String newMailbox(TestClient client) {
        String address = unique("mailbox");
        SandboxConsent.createMailbox(client, address);
        return address;
    }

    /** Connects a mailbox through the sandbox's consent page and returns Mailboard's final redirect. */
    static HttpResponse<String> connect(TestClient client, String mailbox) {
        URI authorize = SandboxConsent.startConnect(client);
        URI callback = SandboxConsent.decide(client, authorize, mailbox, true);
        HttpResponse<String> response = SandboxConsent.callback(client, callback);
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    static String integrationsPage(TestClient client) {
        return client.get("/integrations").body();
    }
}
