package dev.mailboard.app.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.StatusLabel;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailAddress;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts, users, a connected sandbox mailbox and a board with columns, for recipe tests. */
final class RecipeFixtures {

    static final String PASSWORD = "recipes-test-password-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private RecipeFixtures() {}

    record Person(UserView user, TestClient client) {
        CurrentUser current() {
            return new CurrentUser(user.id(), user.accountId(), user.email(), user.displayName(), user.role());
        }
    }

    record Setup(
            AccountView account,
            Person owner,
            ConnectionId connection,
            String mailbox,
            BoardView board,
            ColumnView email,
            ColumnView received,
            ColumnView status) {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Person person(Accounts accounts, int port, AccountView account, Role role) {
        UserView user = accounts.createUser(
                new NewUser(account.id(), unique(role.code()) + "@recipes.example.test", "A " + role.code(), role),
                PASSWORD);
        return new Person(user, TestClient.signedIn(port, user.email(), PASSWORD));
    }

    static Setup setup(Accounts accounts, Boards boards, Connections connections, int port) {
        AccountView account = accounts.createAccount("Recipes " + unique("acct"));
        Person owner = person(accounts, port, account, Role.MEMBER);
        String mailbox = unique("inbox") + "@sandbox.example.test";
        SandboxConsent.createMailbox(owner.client(), mailbox);
        URI authorize = SandboxConsent.startConnect(owner.client());
        URI callback = SandboxConsent.decide(owner.client(), authorize, mailbox, true);
        assertThat(SandboxConsent.callback(owner.client(), callback).statusCode())
                .isEqualTo(302);
        ConnectionId connection = connections.listFor(owner.current()).get(0).id();
        Actor actor = Actor.user(owner.user().id());
        BoardView board = boards.createBoard(actor, new NewBoard("Support " + unique("b"), ""));
        ColumnView email = boards.addColumn(actor, board.id(), new NewColumn("Requester", ColumnType.EMAIL, List.of()));
        ColumnView date = boards.addColumn(actor, board.id(), new NewColumn("Received", ColumnType.DATE, List.of()));
        ColumnView status = boards.addColumn(
                actor,
                board.id(),
                new NewColumn(
                        "State",
                        ColumnType.STATUS,
                        List.of(new StatusLabel("Open", "grey", true), new StatusLabel("New", "blue", false))));
        return new Setup(account, owner, connection, mailbox, board, email, date, status);
    }

    static String recipeJson(Setup setup, BoardId board, String conditionJson, String actionJson) {
        return "{\"name\":\"Orders\",\"boardId\":\"" + board + "\",\"connectionId\":\""
                + setup.connection().value() + "\",\"condition\":" + conditionJson + ",\"action\":" + actionJson + "}";
    }

    static String createItemAction(Setup setup) {
        return "{\"kind\":\"create_item\",\"senderColumn\":\"" + setup.email().id() + "\",\"receivedColumn\":\""
                + setup.received().id() + "\",\"bodyAsFirstUpdate\":true,\"copyAttachments\":false,"
                + "\"fixedValues\":{\"" + setup.status().id() + "\":\"New\"},\"whenNoMatch\":\"skip\"}";
    }

    static RecipeId createRecipe(Setup setup, String conditionJson) {
        HttpResponse<String> response = setup.owner()
                .client()
                .json(
                        "POST",
                        "/api/v1/recipes",
                        recipeJson(setup, setup.board().id(), conditionJson, createItemAction(setup)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new RecipeId(
                UUID.fromString(JSON.readTree(response.body()).path("id").asString()));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static MailReceived mail(Setup setup, String subject, String from, Set<AutomatedMail.Reason> automated) {
        return mail(
                setup,
                "msg-" + UUID.randomUUID(),
                subject,
                from,
                null,
                List.of(),
                "conv-" + UUID.randomUUID(),
                automated);
    }

    static MailReceived mail(
            Setup setup,
            String messageId,
            String subject,
            String from,
            @Nullable String inReplyTo,
            List<String> references,
            @Nullable String conversationId,
            Set<AutomatedMail.Reason> automated) {
        return new MailReceived(
                setup.connection(),
                setup.account().id(),
                messageId,
                "<" + messageId + "@mail.example>",
                conversationId,
                subject,
                new MailAddress(from, "Ana Buyer"),
                List.of(new MailAddress(setup.mailbox(), "")),
                List.of(),
                Instant.parse("2026-11-20T10:15:30Z"),
                inReplyTo,
                references,
                "<p>Full text of " + subject + "</p>",
                "<p>New text of " + subject + "</p>",
                false,
                "normal",
                List.of(),
                automated,
                MailReceived.Discovery.NOTIFICATION);
    }
}
