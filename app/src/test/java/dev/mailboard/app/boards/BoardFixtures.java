package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts, users and signed-in clients for board tests; every name is unique, so tests share a database. */
final class BoardFixtures {

    static final String PASSWORD = "boards-test-password-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Accounts accounts;
    private final int port;

    BoardFixtures(Accounts accounts, int port) {
        this.accounts = accounts;
        this.port = port;
    }

    AccountId account() {
        return accounts.createAccount("Boards test " + unique()).id();
    }

    Person person(AccountId account, String label, Role role) {
        String email = label + "-" + unique() + "@boards.test";
        UserView user = accounts.createUser(new NewUser(account, email, label + " " + unique(), role), PASSWORD);
        return new Person(user, TestClient.signedIn(port, email, PASSWORD));
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** A user with a signed-in client. */
    record Person(UserView user, TestClient client) {

        Actor actor() {
            return Actor.user(user.id());
        }

        HttpResponse<String> post(String path, String json) {
            return client.json("POST", path, json);
        }

        HttpResponse<String> get(String path) {
            return client.get(path);
        }
    }
}
