package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.RecipeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardRole;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Who may create, change, read and replay recipes and their run logs (S-45, S-46, S-48). */
@MailboardIntegrationTest
class RecipeAuthorizationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    AuditLog audit;

    private RecipeFixtures.Setup setup;
    private RecipeId recipe;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
        recipe = RecipeFixtures.createRecipe(setup, "{\"type\":\"from\",\"value\":\"example.com\"}");
    }

    @Test
    void aViewerOfTheBoardReadsTheRecipeAndItsLogButCannotCreateChangeOrReplay() {
        RecipeFixtures.Person viewer = member(Role.MEMBER, BoardRole.VIEWER);
        TestClient client = viewer.client();
        assertThat(client.get("/api/v1/recipes/" + recipe).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/recipes/" + recipe + "/runs").statusCode())
                .isEqualTo(200);
        assertThat(client.get("/api/v1/recipes?boardId=" + setup.board().id()).statusCode())
                .isEqualTo(200);
        assertThat(create(client, setup.board().id()).statusCode()).isEqualTo(403);
        assertThat(client.json("POST", "/api/v1/recipes/" + recipe + "/pause", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.json("POST", "/api/v1/recipes/" + recipe + "/runs/1/replay", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.json("DELETE", "/api/v1/recipes/" + recipe, "").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRoleWithoutThePermissionCannotCreateRecipesEvenAsBoardEditor() {
        RecipeFixtures.Person admin = RecipeFixtures.person(accounts, port, setup.account(), Role.ADMIN);
        accounts.changeIntegrationCreators(admin.current(), Set.of(Role.ADMIN));
        HttpResponse<String> response =
                create(setup.owner().client(), setup.board().id());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asString()).contains("may not create integrations");
        assertThat(setup.owner()
                        .client()
                        .json("POST", "/api/v1/recipes/" + recipe + "/pause", "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherAccountsUserSeesNothing() {
        RecipeFixtures.Setup other = RecipeFixtures.setup(accounts, boards, connections, port);
        TestClient stranger = other.owner().client();
        assertThat(stranger.get("/api/v1/recipes/" + recipe).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/recipes/" + recipe + "/runs").statusCode())
                .isEqualTo(404);
        assertThat(stranger.json("POST", "/api/v1/recipes/" + recipe + "/runs/1/replay", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.json("POST", "/api/v1/recipes/" + recipe + "/pause", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.json("DELETE", "/api/v1/recipes/" + recipe, "").statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/recipes?boardId=" + setup.board().id()).statusCode())
                .isEqualTo(404);
        // their own connection on our board, and our connection on their board
        assertThat(create(stranger, setup.board().id()).statusCode()).isEqualTo(404);
        String foreignConnection =
                RecipeFixtures.recipeJson(setup, other.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", "null");
        assertThat(stranger.json("POST", "/api/v1/recipes", foreignConnection).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSameAccountUserWhoIsNoMemberOfTheBoardGetsNotFound() {
        RecipeFixtures.Person outsider = RecipeFixtures.person(accounts, port, setup.account(), Role.MEMBER);
        assertThat(outsider.client().get("/api/v1/recipes/" + recipe).statusCode())
                .isEqualTo(404);
        assertThat(outsider.client().get("/api/v1/recipes/" + recipe + "/runs").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEditorCannotUseSomeoneElsesMailbox() {
        RecipeFixtures.Person editor = member(Role.MEMBER, BoardRole.EDITOR);
        HttpResponse<String> response = editor.client()
                .json(
                        "POST",
                        "/api/v1/recipes",
                        RecipeFixtures.recipeJson(
                                setup, setup.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", "null"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asString()).contains("mailbox you connected yourself");
    }

    @Test
    void invalidConditionsAnswer400WithFieldErrors() {
        String bad = RecipeFixtures.recipeJson(
                setup,
                setup.board().id(),
                "{\"type\":\"allOf\",\"conditions\":[{\"type\":\"subjectContains\",\"text\":\"\"},"
                        + "{\"type\":\"importance\",\"level\":\"urgent\"}]}",
                "{\"kind\":\"create_item\",\"senderColumn\":\"" + UUID.randomUUID()
                        + "\",\"bodyAsFirstUpdate\":true,\"copyAttachments\":false,\"whenNoMatch\":\"skip\"}");
        HttpResponse<String> response = setup.owner().client().json("POST", "/api/v1/recipes", bad);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = json(response).path("errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactly("condition.conditions[0].text", "condition.conditions[1].level");

        String badColumn = RecipeFixtures.recipeJson(
                setup,
                setup.board().id(),
                "{\"type\":\"allOf\",\"conditions\":[]}",
                "{\"kind\":\"create_item\",\"senderColumn\":\"" + UUID.randomUUID()
                        + "\",\"bodyAsFirstUpdate\":true,\"copyAttachments\":false,\"whenNoMatch\":\"skip\"}");
        HttpResponse<String> columnResponse = setup.owner().client().json("POST", "/api/v1/recipes", badColumn);
        assertThat(columnResponse.statusCode()).isEqualTo(400);
        assertThat(json(columnResponse).path("errors").findValuesAsString("field"))
                .containsExactly("action.senderColumn");
        assertThat(create(setup.owner().client(), new BoardId(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSenderConditionCarriesTheNotAuthenticatedWarning() {
        JsonNode view = json(setup.owner().client().get("/api/v1/recipes/" + recipe));
        assertThat(view.path("warnings").get(0).asString()).contains("not authenticated");
    }

    private RecipeFixtures.Person member(Role role, BoardRole boardRole) {
        RecipeFixtures.Person person = RecipeFixtures.person(accounts, port, setup.account(), role);
        boards.putMember(
                Actor.user(setup.owner().user().id()),
                setup.board().id(),
                person.user().id(),
                boardRole);
        return person;
    }

    private HttpResponse<String> create(TestClient client, BoardId board) {
        return client.json(
                "POST",
                "/api/v1/recipes",
                RecipeFixtures.recipeJson(setup, board, "{\"type\":\"allOf\",\"conditions\":[]}", "null"));
    }
}
