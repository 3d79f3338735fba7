package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewItem;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeDraft;
import dev.mailboard.app.recipes.RecipeView;
import dev.mailboard.app.recipes.Recipes;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of a fresh account says, when it has nothing to show, what to do next, with a link or a button
 * to do it.
 */
@MailboardIntegrationTest
class EmptyStatesIntegrationTests {

    private static final String PASSWORD = "empty-states-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    Recipes recipes;

    private UserView admin;
    private TestClient client;

    @BeforeEach
    void freshAccount() {
        AccountView account =
                accounts.createAccount("Empty " + UUID.randomUUID().toString().substring(0, 6));
        admin = accounts.createUser(
                new NewUser(
                        account.id(),
                        "empty-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                        "Empty Admin",
                        Role.ADMIN),
                PASSWORD);
        client = TestClient.signedIn(port, admin.email(), PASSWORD);
    }

    @Test
    void everyEmptyPageSaysWhatToDoNext() {
        assertThat(page("/boards"))
                .contains("id=\"boards-empty\"", "No boards yet", "Create a board below", "href=\"#new-board\"");
        assertThat(page("/recipes"))
                .contains("id=\"no-recipes\"", "A recipe turns email into items", "href=\"/integrations\"");
        assertThat(page("/integrations"))
                .contains("id=\"no-connections\"", "Press Connect Outlook below", "id=\"connect-outlook\"")
                .contains("id=\"no-account-connections\"", "href=\"/users\"");
        assertThat(page("/notices")).contains("id=\"no-notices\"", "Nothing needs your attention", "href=\"/boards\"");
        assertThat(page("/users")).contains("id=\"only-user\"", "Invite a colleague", "href=\"#invite-form\"");
        assertThat(page("/tokens"))
                .contains("id=\"no-tokens\"", "You have no active tokens", "Create one below", "/swagger-ui.html");
        assertThat(page("/audit?page=999")).contains("id=\"no-audit\"", "Back to the newest", "href=\"/audit\"");

        BoardView board = boards.createBoard(Actor.user(admin.id()), new NewBoard("Empty board", ""));
        assertThat(page("/boards/" + board.id()))
                .contains("id=\"board-empty\"", "No items yet", "Add item")
                .contains("href=\"/recipes/new?boardId=" + board.id() + "\"");

        ItemView item = boards.createItem(Actor.user(admin.id()), NewItem.named(board.id(), "Quiet item"));
        assertThat(page("/boards/" + board.id() + "/items/" + item.id().value()))
                .contains("id=\"no-updates\"", "Write the first one below", "id=\"post-update\"")
                .contains("id=\"no-files\"", "Upload one below");

        RecipeView recipe = pausedRecipe(board);
        assertThat(page("/recipes/" + recipe.id()))
                .contains(
                        "id=\"no-runs\"",
                        "No email has reached this recipe yet",
                        "switch it on above",
                        "id=\"switch\"");
        assertThat(page("/recipes/" + recipe.id() + "?outcome=failed"))
                .contains("No email with this outcome", "href=\"/recipes/" + recipe.id() + "\"");
    }

    private RecipeView pausedRecipe(BoardView board) {
        String mailbox = "empty-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
        SandboxConsent.createMailbox(TestClient.anonymous(port), mailbox);
        URI authorize = SandboxConsent.startConnect(client);
        SandboxConsent.callback(client, SandboxConsent.decide(client, authorize, mailbox, true));
        CurrentUser user = new CurrentUser(admin.id(), admin.accountId(), admin.email(), "Empty Admin", Role.ADMIN);
        ConnectionView connection = connections.listFor(user).get(0);
        return recipes.create(
                user,
                new RecipeDraft(
                        "Quiet recipe",
                        board.id(),
                        connection.id(),
                        new Condition.AllOf(List.of()),
                        false,
                        RecipeAction.createItem()),
                false);
    }

    private String page(String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
