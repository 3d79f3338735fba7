package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.RecipeFixtures.json;
import static dev.mailboard.app.recipes.RecipeFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.mail.Mailboxes;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Mail published as {@link MailReceived} (as ingest publishes it: inside a transaction) becomes items and
 * updates exactly once per (recipe, message), follows the threading rules, and leaves a run-log line.
 */
@MailboardIntegrationTest
class RecipeProcessingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private RecipeFixtures.Setup setup;
    private RecipeId recipe;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
        recipe = RecipeFixtures.createRecipe(setup, "{\"type\":\"subjectContains\",\"text\":\"order\"}");
    }

    @Test
    void switchingARecipeOnWatchesItsMailboxAndDeletingTheLastOneStops() {
        assertThat(mailboxes.isWatched(setup.connection())).isTrue();
        assertThat(setup.owner()
                        .client()
                        .json("POST", "/api/v1/recipes/" + recipe + "/pause", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(mailboxes.isWatched(setup.connection())).isFalse();
        assertThat(setup.owner()
                        .client()
                        .json("POST", "/api/v1/recipes/" + recipe + "/resume", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(mailboxes.isWatched(setup.connection())).isTrue();
        assertThat(setup.owner()
                        .client()
                        .json("DELETE", "/api/v1/recipes/" + recipe, "")
                        .statusCode())
                .isEqualTo(204);
        assertThat(mailboxes.isWatched(setup.connection())).isFalse();
    }

    @Test
    void aMatchingMailBecomesOneItemWithItsMappingEvenWhenPublishedThreeTimes() {
        MailReceived order = mail(setup, "Order 77 for blue widgets", "ana@buyer.example", Set.of());
        // The same mail found three ways, as a notification, a catch-up round and a replay can find it. (Three
        // equal events published at once would be indistinguishable to the registry, which tracks an
        // unfinished publication by its event and listener: it could mark one of them complete three times.)
        publish(order);
        publish(foundBy(order, MailReceived.Discovery.CATCH_UP));
        publish(foundBy(order, MailReceived.Discovery.REPLAY));
        awaitHandled(order.messageId());

        JsonNode runs = awaitRuns(1);
        assertThat(runs.get(0).path("outcome").asString()).isEqualTo("CREATED");
        List<ItemView> items = items();
        assertThat(items).hasSize(1);
        ItemView item = items.get(0);
        assertThat(item.name()).isEqualTo("Order 77 for blue widgets");
        assertThat(item.value(setup.email().id())).isEqualTo("ana@buyer.example");
        assertThat(item.value(setup.received().id())).isEqualTo("2026-11-20");
        assertThat(item.value(setup.status().id())).isEqualTo("New");
        assertThat(item.createdBy().sourceEmail()).isEqualTo("ana@buyer.example");
        assertThat(boards.updates(owner(), item.id(), 10))
                .singleElement()
                .satisfies(u -> assertThat(u.body()).contains("New text of Order 77"));
        assertThat(runs.get(0).path("summary").asString())
                .isEqualTo("created item " + item.id().tag());
    }

    @Test
    void nonMatchingAndAutomatedMailIsSkippedWithItsReason() {
        publish(mail(setup, "Lunch on Friday?", "bob@buyer.example", Set.of()));
        publish(mail(
                setup,
                "Order received (out of office)",
                "ana@buyer.example",
                Set.of(AutomatedMail.Reason.AUTO_SUBMITTED)));

        JsonNode runs = awaitRuns(2);
        assertThat(runs.findValuesAsString("summary"))
                .containsExactlyInAnyOrder(
                        "skipped: conditions not met: not subject contains \"order\"",
                        "skipped: automated mail, an automatic reply or notification (Auto-Submitted)");
        assertThat(items()).isEmpty();
        JsonNode skipped = json(setup.owner().client().get("/api/v1/recipes/" + recipe + "/runs?outcome=skipped"));
        assertThat(skipped).hasSize(2);
        assertThat(json(setup.owner().client().get("/api/v1/recipes/" + recipe + "/runs?outcome=created")))
                .isEmpty();
    }

    @Test
    void recipesOfOneMailboxRunInTurnSoTheSecondFindsTheItemTheFirstMadeForTheThread() {
        RecipeId second = RecipeFixtures.createRecipe(setup, "{\"type\":\"allOf\",\"conditions\":[]}");

        publish(mail(setup, "Order 12 for red widgets", "ana@buyer.example", Set.of()));

        awaitRuns(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(setup.owner().client().get("/api/v1/recipes/" + second + "/runs")))
                        .hasSize(1));
        ItemView item = items().get(0);
        assertThat(items()).hasSize(1);
        assertThat(json(setup.owner().client().get("/api/v1/recipes/" + second + "/runs"))
                        .get(0)
                        .path("summary")
                        .asString())
                .isEqualTo("added update to " + item.id().tag());
        assertThat(boards.updates(owner(), item.id(), 10)).hasSize(2);
    }

    @Test
    void repliesFindTheirItemByTokenByReferencesAndByConversation() {
        MailReceived first = mail(
                setup, "msg-" + UUID.randomUUID(), "Order 1", "ana@buyer.example", null, List.of(), "conv-a", Set.of());
        publish(first);
        awaitRuns(1);
        ItemView item = items().get(0);

        publish(mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Re: about your order [" + item.id().tag() + "]",
                "x@y.example",
                null,
                List.of(),
                "conv-other",
                Set.of()));
        publish(mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Re: Order 1",
                "ana@buyer.example",
                first.internetMessageId(),
                List.of(),
                "conv-b",
                Set.of()));
        publish(mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Re: order status",
                "ana@buyer.example",
                null,
                List.of("<unknown@x>", String.valueOf(first.internetMessageId())),
                null,
                Set.of()));
        publish(mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Another order line",
                "ana@buyer.example",
                null,
                List.of(),
                "conv-a",
                Set.of()));
        publish(mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Re: an order we never saw",
                "ana@buyer.example",
                "<never-seen@x>",
                List.of(),
                "conv-z",
                Set.of()));

        JsonNode runs = awaitRuns(6);
        assertThat(runs.findValuesAsString("summary"))
                .containsOnly(
                        "created item " + item.id().tag(),
                        "added update to " + item.id().tag(),
                        "skipped: a reply to a thread that has no item on this board");
        assertThat(runs.findValuesAsString("summary"))
                .filteredOn(s -> s.startsWith("added"))
                .hasSize(4);
        assertThat(items()).hasSize(1);
        assertThat(boards.updates(owner(), item.id(), 20)).hasSize(5);
    }

    @Test
    void replayOfASkippedRunActsOnceAndReplayOfACreatedRunWritesNothing() {
        publish(mail(setup, "Invoice 9", "ana@buyer.example", Set.of()));
        long runId = awaitRuns(1).get(0).path("id").asLong();
        String anyMail = RecipeFixtures.recipeJson(
                setup,
                setup.board().id(),
                "{\"type\":\"allOf\",\"conditions\":[]}",
                RecipeFixtures.createItemAction(setup));
        assertThat(setup.owner()
                        .client()
                        .json("PUT", "/api/v1/recipes/" + recipe, anyMail)
                        .statusCode())
                .isEqualTo(200);

        JsonNode replayed = json(
                setup.owner().client().json("POST", "/api/v1/recipes/" + recipe + "/runs/" + runId + "/replay", ""));
        assertThat(replayed.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(replayed.path("replays").asInt()).isEqualTo(1);
        JsonNode again = json(
                setup.owner().client().json("POST", "/api/v1/recipes/" + recipe + "/runs/" + runId + "/replay", ""));
        assertThat(again.path("summary").asString())
                .isEqualTo(replayed.path("summary").asString());
        assertThat(again.path("replays").asInt()).isEqualTo(1);
        assertThat(items()).hasSize(1);
    }

    @Test
    void aFailedWriteIsLoggedAsFailedAndItsReplayAfterAFixCreatesTheItemOnce() {
        String badStatus = RecipeFixtures.createItemAction(setup).replace("\"New\"", "\"No such label\"");
        String anyMail = "{\"type\":\"allOf\",\"conditions\":[]}";
        assertThat(setup.owner()
                        .client()
                        .json(
                                "PUT",
                                "/api/v1/recipes/" + recipe,
                                RecipeFixtures.recipeJson(setup, setup.board().id(), anyMail, badStatus))
                        .statusCode())
                .isEqualTo(200);
        publish(mail(setup, "Order with a bad mapping", "ana@buyer.example", Set.of()));
        JsonNode failed = awaitRuns(1).get(0);
        assertThat(failed.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.path("summary").asString()).startsWith("failed: ").contains("State");
        assertThat(items()).isEmpty();

        assertThat(setup.owner()
                        .client()
                        .json(
                                "PUT",
                                "/api/v1/recipes/" + recipe,
                                RecipeFixtures.recipeJson(
                                        setup, setup.board().id(), anyMail, RecipeFixtures.createItemAction(setup)))
                        .statusCode())
                .isEqualTo(200);
        String replay =
                "/api/v1/recipes/" + recipe + "/runs/" + failed.path("id").asLong() + "/replay";
        assertThat(json(setup.owner().client().json("POST", replay, ""))
                        .path("outcome")
                        .asString())
                .isEqualTo("CREATED");
        assertThat(json(setup.owner().client().json("POST", replay, ""))
                        .path("outcome")
                        .asString())
                .isEqualTo("CREATED");
        assertThat(items())
                .singleElement()
                .satisfies(i -> assertThat(i.value(setup.status().id())).isEqualTo("New"));
    }

    @Test
    void anOwnerRemovedFromTheBoardPausesTheRecipeInsteadOfWriting() {
        RecipeFixtures.Person admin =
                RecipeFixtures.person(accounts, port, setup.account(), dev.mailboard.app.accounts.Role.ADMIN);
        boards.removeMember(
                Actor.user(admin.user().id()),
                setup.board().id(),
                setup.owner().user().id());

        publish(mail(setup, "Order after removal", "ana@buyer.example", Set.of()));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(admin.client().get("/api/v1/recipes/" + recipe + "/runs")))
                        .hasSize(1));
        JsonNode run =
                json(admin.client().get("/api/v1/recipes/" + recipe + "/runs")).get(0);
        assertThat(run.path("summary").asString()).startsWith("skipped: owner lost access");
        JsonNode view = json(admin.client().get("/api/v1/recipes/" + recipe));
        assertThat(view.path("active").asBoolean()).isFalse();
        assertThat(view.path("pauseReason").asString()).contains("lost edit access");
        assertThat(boards.items(Actor.user(admin.user().id()), setup.board().id(), ItemQuery.firstPage(50))
                        .items())
                .isEmpty();
    }

    private static MailReceived foundBy(MailReceived mail, MailReceived.Discovery discovery) {
        return new MailReceived(
                mail.connectionId(),
                mail.accountId(),
                mail.messageId(),
                mail.internetMessageId(),
                mail.conversationId(),
                mail.subject(),
                mail.from(),
                mail.to(),
                mail.cc(),
                mail.receivedAt(),
                mail.inReplyTo(),
                mail.references(),
                mail.body(),
                mail.uniqueBody(),
                mail.bodyTruncated(),
                mail.importance(),
                mail.attachments(),
                mail.automated(),
                discovery);
    }

    private void publish(MailReceived mail) {
        transactions.executeWithoutResult(status -> events.publishEvent(mail));
    }

    /**
     * Waits until the recipes listener completed every publication of the message: completed publications
     * are deleted (they carry the mail's body), so none may be left.
     */
    private void awaitHandled(String messageId) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from event_publication where listener_id like"
                                        + " '%RecipeListener%' and serialized_event like ?")
                                .param("%" + messageId + "%")
                                .query(Long.class)
                                .single())
                        .as("publications of the mail left in the registry")
                        .isZero());
    }

    private JsonNode awaitRuns(int count) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(setup.owner().client().get("/api/v1/recipes/" + recipe + "/runs")))
                        .hasSize(count));
        return json(setup.owner().client().get("/api/v1/recipes/" + recipe + "/runs"));
    }

    private List<ItemView> items() {
        return boards.items(owner(), setup.board().id(), ItemQuery.firstPage(50))
                .items();
    }

    private Actor owner() {
        return Actor.user(setup.owner().user().id());
    }
}
