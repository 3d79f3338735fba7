package dev.mailboard.app.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The loop breaker (S-53): mailbox A is connected to Mailboard with a recipe that makes an item of every mail
 * (status "New", sender in the Requester column) and a recipe that mails the requester when an item becomes
 * "New"; mailbox B is a naive auto-responder of the sandbox (it answers everything with a fresh, unthreaded
 * mail, ignoring {@code X-Auto-Response-Suppress}). One mail from B starts the exchange.
 */
@MailboardIntegrationTest
class RecipeSendLoopIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    JdbcClient jdbc;

    @Value("${mailboard.mail.send.per-recipient-per-day:3}")
    int perRecipientPerDay;

    private RecipeFixtures.Setup setup;
    private SandboxAccounts sandbox;
    private String responder;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
        sandbox = new SandboxAccounts(port);
        RecipeSendActionIntegrationTests.grantSend(setup);
        responder = RecipeFixtures.unique("responder") + "@sandbox.example.test";
        TestClient owner = setup.owner().client();
        SandboxConsent.createMailbox(owner, responder);
        HttpResponse<String> autoReply = owner.json(
                "PUT",
                "/sandbox/mailboxes/" + responder + "/auto-reply",
                "{\"mode\":\"naive\",\"subject\":\"Thank you for your mail\",\"text\":\"We will get back to you.\"}");
        assertThat(autoReply.statusCode()).as(autoReply.body()).isEqualTo(200);
    }

    @Test
    void twoAutoAnsweringMailboxesStopWithinTheLimitEvenWhenTheRecipeOptsIntoAutomatedMail() {
        RecipeId sendRecipe = startRecipes(true);

        deliverFromResponder();

        // Rounds: B's mail makes item 1, whose mail to B is answered; the answer makes item 2; ... until the
        // per (recipe, recipient) limit refuses the mail of item N+1. Nothing is sent after that.
        await().atMost(Duration.ofSeconds(60)).until(() -> refusalNotes().size() == 1);
        assertThat(Jsoup.parse(refusalNotes().get(0)).text())
                .startsWith("Email not sent: " + responder)
                .contains("24 hours");
        assertThat(sentByMailboard(sendRecipe)).isEqualTo(perRecipientPerDay);
        await().atMost(Duration.ofSeconds(20)).until(() -> items().size() == perRecipientPerDay + 1);
        assertThat(repliesOfResponder()).isEqualTo(perRecipientPerDay);
        assertThat(jdbc.sql("select count(*) from mail_send where origin = ?")
                        .param("recipe:" + sendRecipe.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(perRecipientPerDay);
    }

    @Test
    void withTheDefaultRecipeTheAutomatedAnswerIsSkippedAfterTheFirstRound() {
        RecipeId sendRecipe = startRecipes(false);

        deliverFromResponder();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from recipe_run r join recipe c on c.id = r.recipe_id"
                                        + " where c.board_id = ? and r.outcome = 'skipped' and r.detail like ?")
                                .params(setup.board().id().value(), "automated mail%")
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(sentByMailboard(sendRecipe)).isEqualTo(1);
        assertThat(repliesOfResponder()).isEqualTo(1);
        assertThat(items()).hasSize(1);
        assertThat(refusalNotes()).isEmpty();
    }

    /** The item recipe (with or without automated mail) and the send recipe; answers the send recipe. */
    private RecipeId startRecipes(boolean includeAutomated) {
        String itemAction =
                "{\"kind\":\"create_item\",\"senderColumn\":\"" + setup.email().id()
                        + "\",\"bodyAsFirstUpdate\":true,\"copyAttachments\":false,\"fixedValues\":{\""
                        + setup.status().id() + "\":\"New\"},\"whenNoMatch\":\"create_item\"}";
        String json = RecipeFixtures.recipeJson(
                setup, setup.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", itemAction);
        json = json.substring(0, json.length() - 1) + ",\"includeAutomated\":" + includeAutomated + "}";
        HttpResponse<String> created = setup.owner().client().json("POST", "/api/v1/recipes", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        RecipeId send = RecipeSendActionIntegrationTests.createSendRecipe(setup, true);
        // Mailboard's own record of the subscription: a notification for one it has not stored yet is dropped.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from mail_subscription where connection_id = ?")
                                .param(setup.connection().value())
                                .query(Integer.class)
                                .single()
                        > 0);
        return send;
    }

    private void deliverFromResponder() {
        Map<String, Object> mail = Map.of(
                "from",
                Map.of("name", "Responder", "address", responder),
                "subject",
                "Question about my order " + UUID.randomUUID(),
                "bodyText",
                "Where is my order?");
        sandbox.deliver(setup.mailbox(), mail);
    }

    private int sentByMailboard(RecipeId recipe) {
        int count = 0;
        for (JsonNode mail : sandbox.sent(setup.mailbox())) {
            String marker = RecipeSendActionIntegrationTests.header(mail, AutomatedMail.MARKER_HEADER);
            if (marker != null && marker.startsWith("recipe:" + recipe.value() + ";")) {
                count++;
            }
        }
        return count;
    }

    private int repliesOfResponder() {
        return sandbox.sent(responder).size();
    }

    private List<ItemView> items() {
        return boards.items(
                        Actor.user(setup.owner().user().id()),
                        setup.board().id(),
                        ItemQuery.firstPage(ItemQuery.MAX_SIZE))
                .items();
    }

    private List<String> refusalNotes() {
        return items().stream()
                .flatMap(i -> boards.updates(Actor.user(setup.owner().user().id()), i.id(), 50).stream())
                .map(u -> u.body())
                .filter(b -> Jsoup.parse(b).text().startsWith(ItemEmails.NOT_SENT))
                .toList();
    }
}
