package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.NewItem;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's OpenAPI document, read by a real OpenAPI parser: it has no errors, lists no internal
 * parameter, marks required fields required, and every documented response schema describes what the API
 * really answers (checked on live answers of each read operation).
 */
@MailboardIntegrationTest
class ApiDocumentationIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    private String document;
    private OpenAPI api;

    @BeforeEach
    void read() throws IOException {
        HttpResponse<String> answer = TestClient.anonymous(port).get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        document = answer.body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-docs.json"), document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages())
                .as("what the OpenAPI parser found wrong")
                .isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
    }

    @Test
    void theDocumentParsesWithoutErrorsAndListsNoInternalParameter() {
        List<String> internal = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    for (Parameter parameter : parameters(operation)) {
                        if ("user".equals(parameter.getName())) {
                            internal.add(method + " " + path);
                        }
                    }
                }));
        assertThat(internal)
                .as("operations that document the server-side 'user' parameter")
                .isEmpty();
        assertThat(api.getComponents().getSchemas().keySet())
                .as("ids are plain strings, not objects of their own")
                .noneMatch(name -> name.endsWith("Id"));
    }

    @Test
    void requiredFieldsAreMarkedRequiredAndAMissingOneIsAnsweredIsRequired() {
        Schema<?> action = api.getComponents().getSchemas().get("RecipeAction");
        assertThat(action.getRequired()).contains("bodyAsFirstUpdate", "copyAttachments");

        UserView user = newUser();
        TestClient client = TestClient.signedIn(port, user.email(), PASSWORD);
        BoardView board = boards.createBoard(Actor.user(user.id()), new NewBoard("Required " + suffix(), ""));
        HttpResponse<String> answer = client.json(
                "POST",
                "/api/v1/recipes",
                "{\"name\":\"Incomplete\",\"boardId\":\"" + board.id() + "\",\"connectionId\":\"" + UUID.randomUUID()
                        + "\",\"action\":{\"kind\":\"create_item\",\"copyAttachments\":true}}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("detail").asString())
                .isEqualTo("Field 'action.bodyAsFirstUpdate' is required");
    }

    @Test
    void everyDocumentedResponseSchemaDescribesTheRealAnswer() {
        UserView user = newUser();
        Actor actor = Actor.user(user.id());
        BoardView board = boards.createBoard(actor, new NewBoard("Schemas " + suffix(), "checked"));
        boards.addColumn(actor, board.id(), new NewColumn("Requester", ColumnType.EMAIL, List.of()));
        ItemView item = boards.createItem(actor, new NewItem(board.id(), "An item", Map.of()));
        boards.postUpdate(actor, item.id(), "<p>An update</p>");
        TestClient client = TestClient.signedIn(port, user.email(), PASSWORD);
        String mailbox = "schemas-" + suffix() + "@sandbox.example.test";
        SandboxConsent.createMailbox(TestClient.anonymous(port), mailbox);
        URI authorize = SandboxConsent.startConnect(client);
        SandboxConsent.callback(client, SandboxConsent.decide(TestClient.anonymous(port), authorize, mailbox, true));
        JsonNode connections = JSON.readTree(client.get("/api/v1/connections").body());
        String connectionId = connections.get(0).path("id").asString();
        HttpResponse<String> recipe = client.json(
                "POST",
                "/api/v1/recipes",
                "{\"name\":\"Every mail\",\"boardId\":\"" + board.id() + "\",\"connectionId\":\"" + connectionId
                        + "\"}");
        assertThat(recipe.statusCode()).as(recipe.body()).isEqualTo(201);
        String recipeId = JSON.readTree(recipe.body()).path("id").asString();

        String auditId = JSON.readTree(client.get("/api/v1/audit").body())
                .path("entries")
                .get(0)
                .path("id")
                .asString();
        Map<String, String> ids = Map.of(
                "auditId", auditId,
                "boardId", board.id().toString(),
                "itemId", Long.toString(item.id().value()),
                "id", recipeId,
                "recipeId", recipeId,
                "connectionId", connectionId,
                "userId", user.id().toString());
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, pathItem) -> {
            Operation get = pathItem.getGet();
            if (get == null || path.contains("/files/") || path.contains("/events")) {
                return;
            }
            String url = fill(path, ids);
            if (url == null) {
                return;
            }
            HttpResponse<String> answer = client.get(url);
            if (answer.statusCode() != 200) {
                problems.add("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
                return;
            }
            Schema<?> schema = get.getResponses()
                    .get("200")
                    .getContent()
                    .values()
                    .iterator()
                    .next()
                    .getSchema();
            new SchemaCheck(api, problems).check("GET " + path, schema, JSON.readTree(answer.body()));
            checked.add("GET " + path);
        });
        System.out.println("Response schemas compared with live answers: " + checked);
        assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
        assertThat(problems).isEmpty();
    }

    private static String fill(String path, Map<String, String> ids) {
        String url = path;
        for (Map.Entry<String, String> collection : Map.of(
                        "/api/v1/recipes/{id}", "recipeId",
                        "/api/v1/connections/{id}", "connectionId",
                        "/api/v1/users/{id}", "userId",
                        "/api/v1/audit/{id}", "auditId")
                .entrySet()) {
            if (path.startsWith(collection.getKey())) {
                url = url.replace("{id}", ids.get(collection.getValue()));
            }
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }
        return url.contains("{") ? null : url;
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static final String PASSWORD = "api-documentation-password-1";

    private UserView newUser() {
        AccountView account = accounts.createAccount("Api docs " + suffix());
        return accounts.createUser(
                new NewUser(account.id(), "api-docs-" + suffix() + "@example.test", "Api Docs", Role.ADMIN), PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
