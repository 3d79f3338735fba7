package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo board's panel and its sample-recipe button, for the cases the browser story does not walk. */
@MailboardIntegrationTest
class DemoBoardIntegrationTests {

    private static final String PASSWORD = "demo-board-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    private UserView admin;
    private TestClient client;

    @BeforeEach
    void freshAccount() {
        AccountView account = accounts.createAccount(
                "Demo test " + UUID.randomUUID().toString().substring(0, 6));
        admin = accounts.createUser(
                new NewUser(
                        account.id(),
                        "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                        "Demo Admin",
                        Role.ADMIN),
                PASSWORD);
        client = TestClient.signedIn(port, admin.email(), PASSWORD);
    }

    @Test
    void withoutAConnectedMailboxThePanelLinksToIntegrationsAndTheButtonExplainsWhatIsMissing() {
        BoardView demo =
                boards.createBoard(Actor.user(admin.id()), new NewBoard(DemoBoard.NAME, DemoBoard.DESCRIPTION));

        assertThat(client.get("/boards/" + demo.id()).body())
                .contains("id=\"demo-panel\"", "href=\"/integrations\"", "href=\"/sandbox\"")
                .doesNotContain("id=\"create-sample-recipe\"");

        HttpResponse<String> created = client.postForm("/boards/" + demo.id() + "/sample-recipe", Map.of());
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(client.get("/boards/" + demo.id()).body())
                .contains("id=\"demo-error\"", "Connect a mailbox on the Integrations page first")
                .contains("id=\"demo-panel\"");
    }

    @Test
    void anOrdinaryBoardHasNoPanelAndNoSampleRecipe() {
        BoardView named = boards.createBoard(Actor.user(admin.id()), new NewBoard(DemoBoard.NAME, "my own"));

        assertThat(client.get("/boards/" + named.id()).body()).doesNotContain("demo-panel");
        client.postForm("/boards/" + named.id() + "/sample-recipe", Map.of());
        assertThat(client.get("/boards/" + named.id()).body())
                .contains("only offered on the demo board")
                .doesNotContain("demo-panel");
        assertThat(client.postForm("/boards/" + UUID.randomUUID() + "/sample-recipe", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
