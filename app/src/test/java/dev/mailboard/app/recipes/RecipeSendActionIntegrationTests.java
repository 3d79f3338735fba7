package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.RecipeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.UpdateView;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailSendFailed;
import dev.mailboard.app.mail.MailSendRequest;
import dev.mailboard.app.mail.MailSender;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The recipe action "when a column changes to a value, send an email to the item's email column", from the
 * user's side over HTTP against the embedded sandbox (S-52, S-53, S-54, S-55); refusals shown on the item;
 * the per-user hourly limit.
 */
@MailboardIntegrationTest
class RecipeSendActionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    MailSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RecipeRepository recipes;

    @Value("${mailboard.mail.send.per-user-per-hour:30}")
    int perUserPerHour;

    @Value("${mailboard.mail.send.per-recipient-per-day:3}")
    int perRecipientPerDay;

    private RecipeFixtures.Setup setup;
    private SandboxAccounts sandbox;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
        sandbox = new SandboxAccounts(port);
    }

    @Test
    void aChangeToTheValueSendsOneMailWithThePlaceholdersFilledAndShowsItOnTheItem() {
        grantSend(setup);
        String customer = RecipeFixtures.unique("customer") + "@outside.example";
        RecipeId recipe = createSendRecipe(setup, true);
        long item =
                createItem("Order 7 for red widgets", Map.of(setup.email().id().toString(), customer));

        change(item, "New");

        await().atMost(Duration.ofSeconds(20)).until(() -> sentFor(recipe).size() == 1);
        JsonNode mail = sentFor(recipe).get(0);
        String tag = new ItemId(item).tag();
        assertThat(mail.path("subject").asString()).isEqualTo("[" + tag + "] Order 7 for red widgets is New");
        assertThat(sentText(mail)).contains("Hello, your request Order 7 for red widgets is New.");
        assertThat(strings(mail.path("external"))).containsExactly(customer);
        assertThat(header(mail, AutomatedMail.MARKER_HEADER)).startsWith("recipe:" + recipe.value() + "; send=");
        assertThat(header(mail, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(header(mail, "X-Mailboard-Auto-Submitted")).isEqualTo("auto-generated");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(item, "Email sent to").size() == 1);
        assertThat(Jsoup.parse(updates(item, "Email sent to").get(0).body()).text())
                .contains("Email sent to " + customer + ": [" + tag + "] Order 7 for red widgets is New");

        // Another value sends nothing.
        change(item, "Open");
        assertThat(sendsOf(recipe)).isEqualTo(1);
    }

    @Test
    void anAddressOutsideTheRecipientAllowlistIsRefusedOnTheItemAndTheMailboxsOwnDomainIsAllowed() {
        grantSend(setup);
        RecipeId recipe = createSendRecipe(setup, true);
        String stranger = RecipeFixtures.unique("stranger") + "@elsewhere.example";
        long refused = createItem("To a stranger", Map.of(setup.email().id().toString(), stranger));
        String ownDomain = setup.mailbox().substring(setup.mailbox().indexOf('@'));
        String colleague = RecipeFixtures.unique("colleague") + ownDomain.toUpperCase(java.util.Locale.ROOT);
        long allowed = createItem("To a colleague", Map.of(setup.email().id().toString(), colleague));

        change(refused, "New");
        change(allowed, "New");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(refused, ItemEmails.NOT_SENT).size() == 1);
        assertThat(Jsoup.parse(updates(refused, ItemEmails.NOT_SENT).get(0).body())
                        .text())
                .contains("Email not sent: " + stranger)
                .contains("the domain elsewhere.example is not on the recipient allowlist")
                .contains(RecipientDomains.SETTING);
        await().atMost(Duration.ofSeconds(20)).until(() -> sentFor(recipe).size() == 1);
        assertThat(strings(sentFor(recipe).get(0).path("to")).stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)))
                .containsExactly(colleague.toLowerCase(java.util.Locale.ROOT));
        assertThat(jdbc.sql("select count(*) from recipe_send where recipe_id = ? and outcome = 'refused'")
                        .param(recipe.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void changingBackAndForthFollowsThePerRecipientLimitAndTheRefusalIsOnTheItem() {
        grantSend(setup);
        String customer = RecipeFixtures.unique("often") + "@outside.example";
        RecipeId recipe = createSendRecipe(setup, true);
        long item = createItem("Back and forth", Map.of(setup.email().id().toString(), customer));

        for (int i = 0; i <= perRecipientPerDay; i++) {
            change(item, "New");
            change(item, "Open");
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(item, ItemEmails.NOT_SENT).size() == 1);
        assertThat(Jsoup.parse(updates(item, ItemEmails.NOT_SENT).get(0).body()).text())
                .contains("Email not sent: " + customer)
                .contains("24 hours");
        await().atMost(Duration.ofSeconds(20)).until(() -> sentFor(recipe).size() == perRecipientPerDay);
        assertThat(sendsOf(recipe)).isEqualTo(perRecipientPerDay);
        assertThat(jdbc.sql("select count(*) from recipe_send where recipe_id = ? and outcome = 'refused'")
                        .param(recipe.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anItemCreatedWithTheValueSendsOnceEvenWhenTheEventIsDeliveredAgain() {
        grantSend(setup);
        String customer = RecipeFixtures.unique("new") + "@outside.example";
        RecipeId recipe = createSendRecipe(setup, true);

        long item = createItem(
                "Created as new",
                Map.of(
                        setup.email().id().toString(),
                        customer,
                        setup.status().id().toString(),
                        "New"));

        await().atMost(Duration.ofSeconds(20)).until(() -> sentFor(recipe).size() == 1);
        // A replay of the creation (for example after a crash) finds the claim and sends nothing.
        transactions.executeWithoutResult(status -> events.publishEvent(new dev.mailboard.app.boards.ItemCreated(
                setup.account().id(),
                setup.board().id(),
                new ItemId(item),
                "Created as new",
                new dev.mailboard.app.boards.Author("user", setup.owner().user().id(), "x", null),
                Instant.now())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pending("ItemCreated", setup.board().id().toString()) == 0);
        assertThat(sendsOf(recipe)).isEqualTo(1);
        assertThat(sentFor(recipe)).hasSize(1);
    }

    @Test
    void itemEventsAreKeptForTheActionOnlyOnABoardWithAnActiveSendRecipe() {
        assertThat(keptForANewItem()).as("no send recipe on the board").isZero();

        grantSend(setup);
        createSendRecipe(setup, true);

        assertThat(keptForANewItem()).as("an active send recipe on the board").isEqualTo(1);
    }

    @Test
    void aSendRecipeSwitchedOffBeforeTheActionRunsLeavesNothingPending() {
        grantSend(setup);
        RecipeId recipe = createSendRecipe(setup, true);
        String customer = RecipeFixtures.unique("off") + "@outside.example";

        Integer kept = transactions.execute(status -> {
            boards.createItem(
                    Actor.user(setup.owner().user().id()),
                    new dev.mailboard.app.boards.NewItem(
                            setup.board().id(),
                            "Switched off",
                            Map.of(setup.email().id(), customer, setup.status().id(), "New")));
            recipes.pause(recipe, Recipe.PausedBy.PERSON, "Paused by a test", Instant.now());
            return pending("WatchedItemCreated", setup.board().id().toString());
        });
        assertThat(kept).as("kept with the item, the recipe being active then").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> pending("ItemCreated", setup.board().id().toString()) == 0);
        assertThat(sendsOf(recipe)).isZero();
    }

    @Test
    void switchingOnWithoutMailSendAnswers409WithTheGrantLink() {
        TestClient owner = setup.owner().client();
        HttpResponse<String> active = owner.json("POST", "/api/v1/recipes", sendRecipeJson(setup, true));
        assertThat(active.statusCode()).as(active.body()).isEqualTo(409);
        assertThat(json(active).path("title").asString()).isEqualTo("Grant sending first");
        assertThat(json(active).path("grantUrl").asString())
                .isEqualTo("/integrations/" + setup.connection().value() + "/send-permission");

        RecipeId paused = createSendRecipe(setup, false);
        HttpResponse<String> resume = owner.json("POST", "/api/v1/recipes/" + paused.value() + "/resume", "");
        assertThat(resume.statusCode()).isEqualTo(409);
        assertThat(json(resume).path("grantUrl").asString())
                .contains(setup.connection().value().toString());

        grantSend(setup);
        assertThat(owner.json("POST", "/api/v1/recipes/" + paused.value() + "/resume", "")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void invalidTemplatesAndColumnsAreRefused() {
        grantSend(setup);
        String action =
                "{\"kind\":\"send_email\",\"bodyAsFirstUpdate\":false,\"copyAttachments\":false,\"sendEmail\":{\"triggerColumn\":\""
                        + setup.status().id()
                        + "\",\"triggerValue\":\"New\",\"toColumn\":\""
                        + setup.received().id()
                        + "\",\"subject\":\"Hi {{Nope}}\",\"body\":\"x\"}}";
        HttpResponse<String> response = setup.owner()
                .client()
                .json(
                        "POST",
                        "/api/v1/recipes",
                        RecipeFixtures.recipeJson(
                                setup, setup.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", action));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("action.sendEmail.toColumn", "action.sendEmail.subject");

        HttpResponse<String> preview =
                setup.owner().client().json("POST", "/api/v1/recipes/preview", sendRecipeJson(setup, false));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(400);
        assertThat(json(preview).path("errors").get(0).path("field").asString()).isEqualTo("action.kind");
    }

    @Test
    void aBadOrMissingAddressInTheColumnIsShownOnTheItemAndNothingIsSent() {
        grantSend(setup);
        RecipeId recipe = createSendRecipe(setup, true);
        // The board accepts it; the strict parser of outgoing mail does not (no dot in the domain).
        long bad = createItem("Bad address", Map.of(setup.email().id().toString(), "ana@localhost"));
        long none = createItem("No address", Map.of());

        change(bad, "New");
        change(none, "New");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(bad, ItemEmails.NOT_SENT).size() == 1);
        assertThat(updates(bad, ItemEmails.NOT_SENT).get(0).body()).contains("Not an email address");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(none, ItemEmails.NOT_SENT).size() == 1);
        assertThat(updates(none, ItemEmails.NOT_SENT).get(0).body()).contains("no address in Requester");
        assertThat(sendsOf(recipe)).isZero();
    }

    @Test
    void aRefusedManualSendIsShownOnTheItem() {
        long item = createItem("Manual", Map.of());
        HttpResponse<String> response = setup.owner()
                .client()
                .json(
                        "POST",
                        "/api/v1/boards/" + setup.board().id() + "/items/" + item + "/emails",
                        "{\"connectionId\":\"" + setup.connection().value()
                                + "\",\"to\":[\"a@outside.example\"],\"subject\":\"Hi\",\"body\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        List<UpdateView> notes = updates(item, ItemEmails.NOT_SENT);
        assertThat(notes).hasSize(1);
        assertThat(Jsoup.parse(notes.get(0).body()).text()).startsWith("Email not sent: Grant sending first");
        assertThat(queued(setup.connection())).isZero();
    }

    @Test
    void aSendThatFailedForGoodIsShownOnTheItemOnce() {
        long item = createItem("Failing", Map.of());
        UUID sendId = UUID.randomUUID();
        MailSendFailed failed = new MailSendFailed(
                sendId,
                setup.account().id(),
                setup.owner().user().id(),
                "item:" + item,
                List.of("a@outside.example"),
                "Hi",
                "it could not be sent after 8 attempts (Graph did not take the mail for now: 503)");

        transactions.executeWithoutResult(status -> events.publishEvent(failed));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(item, ItemEmails.NOT_SENT).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> pending("MailSendFailed", sendId.toString()) == 0);
        // Published again, as a replay after a crash would: the note is not written twice.
        transactions.executeWithoutResult(status -> events.publishEvent(failed));
        await().atMost(Duration.ofSeconds(20)).until(() -> pending("MailSendFailed", sendId.toString()) == 0);
        assertThat(updates(item, ItemEmails.NOT_SENT)).hasSize(1);
        assertThat(updates(item, ItemEmails.NOT_SENT).get(0).body()).contains("after 8 attempts");
    }

    @Test
    void aMailGraphKeepsRefusingIsShownOnTheItemAfterTheRelaysLastAttemptAndNotSent() {
        grantSend(setup);
        long item = createItem("Graph is down", Map.of());
        sandbox.faults(Map.of("rate503", 1.0, "retryAfterSeconds", 0.05));
        try {
            HttpResponse<String> queued = sendFromItem(item, "down@outside.example");
            assertThat(queued.statusCode()).isEqualTo(202);

            // The relay (3 attempts in tests) publishes MailSendFailed with its last one; the item shows it.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> updates(item, ItemEmails.NOT_SENT).size() == 1);
        } finally {
            sandbox.clearFaults();
        }
        assertThat(Jsoup.parse(updates(item, ItemEmails.NOT_SENT).get(0).body()).text())
                .contains("Email not sent:")
                .contains("could not be sent after 3 attempts")
                .contains("serviceNotAvailable");
        assertThat(sandbox.sent(setup.mailbox()))
                .noneMatch(mail -> strings(mail.path("to")).contains("down@outside.example"));
    }

    @Test
    void theUsersHourlyLimitRefusesTheNextMailAndAllowsItAgainAfterTheHour() {
        grantSend(setup);
        long item = createItem("Busy hour", Map.of());
        for (int i = 0; i < perUserPerHour; i++) {
            sender.send(new MailSendRequest(
                    setup.connection(),
                    setup.owner().user().id(),
                    List.of("hour-" + i + "@outside.example"),
                    "Mail " + i,
                    "<p>x</p>",
                    "item:" + item,
                    false));
        }
        assertThat(queued(setup.connection())).isEqualTo(perUserPerHour);

        HttpResponse<String> refused = sendFromItem(item, "one-more@outside.example");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("title").asString()).isEqualTo("Sending limit reached");
        assertThat(json(refused).path("detail").asString())
                .contains("You have sent " + perUserPerHour + " mails in the last hour");
        assertThat(queued(setup.connection())).isEqualTo(perUserPerHour);

        // The service has no settable clock; instead the earlier sends move an hour and a minute back.
        jdbc.sql("update mail_send set created_at = ? where requested_by = ?")
                .params(
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(61))),
                        setup.owner().user().id().value())
                .update();

        HttpResponse<String> allowed = sendFromItem(item, "one-more@outside.example");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(202);
        assertThat(queued(setup.connection())).isEqualTo(perUserPerHour + 1);
    }

    @Test
    void theGuidedFormCreatesASendRecipeAndAsksForMailSendFirst() {
        TestClient owner = setup.owner().client();
        String page =
                owner.get("/recipes/new-send?boardId=" + setup.board().id()).body();
        assertThat(page)
                .contains("id=\"send-recipe-form\"")
                .contains("id=\"trigger-column\"")
                .contains("id=\"to-column\"")
                .contains("changes to");
        Map<String, String> fields = Map.of(
                "name",
                "Confirm new requests",
                "boardId",
                setup.board().id().toString(),
                "connectionId",
                setup.connection().value().toString(),
                "triggerColumn",
                setup.status().id().toString(),
                "triggerValue",
                "New",
                "toColumn",
                setup.email().id().toString(),
                "subject",
                "We received {{Name}}",
                "body",
                "<p>Hello</p>");

        HttpResponse<String> refused = owner.postForm("/recipes/send", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Grant sending first")
                .contains("/integrations/" + setup.connection().value() + "/send-permission");

        grantSend(setup);
        HttpResponse<String> saved = owner.postForm("/recipes/send", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(owner.get(URI.create(location).getPath()).body())
                .contains("When State changes to New, send an email to Requester");
    }

    @Test
    void mailboardsOwnMailNeverBecomesANewItemSoItCannotSetOffASend() {
        grantSend(setup);
        RecipeId send = createSendRecipe(setup, true);
        String itemAction =
                "{\"kind\":\"create_item\",\"senderColumn\":\"" + setup.email().id()
                        + "\",\"bodyAsFirstUpdate\":true,\"copyAttachments\":false,\"fixedValues\":{\""
                        + setup.status().id() + "\":\"New\"},\"whenNoMatch\":\"create_item\"}";
        String recipeJson = RecipeFixtures.recipeJson(
                setup, setup.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", itemAction);
        recipeJson = recipeJson.substring(0, recipeJson.length() - 1) + ",\"includeAutomated\":true}";
        HttpResponse<String> created = setup.owner().client().json("POST", "/api/v1/recipes", recipeJson);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String subject = "From another Mailboard " + UUID.randomUUID();

        transactions.executeWithoutResult(status -> events.publishEvent(RecipeFixtures.mail(
                setup, subject, "other-board@outside.example", java.util.Set.of(AutomatedMail.Reason.OWN_MAIL))));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from recipe_run where subject = ? and outcome = 'skipped'"
                                        + " and detail like 'sent by Mailboard itself%'")
                                .param(subject)
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(boards.items(
                                Actor.user(setup.owner().user().id()),
                                setup.board().id(),
                                dev.mailboard.app.boards.ItemQuery.firstPage(10))
                        .items())
                .isEmpty();
        assertThat(sendsOf(send)).isZero();
    }

    // --- helpers

    static void grantSend(RecipeFixtures.Setup setup) {
        TestClient owner = setup.owner().client();
        HttpResponse<String> start =
                owner.postForm("/integrations/" + setup.connection().value() + "/send-permission", Map.of());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        URI callback = SandboxConsent.decide(owner, authorize, setup.mailbox(), true);
        assertThat(SandboxConsent.callback(owner, callback).statusCode()).isEqualTo(302);
    }

    static String sendRecipeJson(RecipeFixtures.Setup setup, boolean active) {
        String action =
                "{\"kind\":\"send_email\",\"bodyAsFirstUpdate\":false,\"copyAttachments\":false,\"sendEmail\":{\"triggerColumn\":\""
                        + setup.status().id()
                        + "\",\"triggerValue\":\"New\",\"toColumn\":\""
                        + setup.email().id()
                        + "\",\"subject\":\"{{Name}} is {{ State }}\","
                        + "\"body\":\"<p>Hello, your request {{Name}} is {{State}}.</p>\"}}";
        String json =
                RecipeFixtures.recipeJson(setup, setup.board().id(), "{\"type\":\"allOf\",\"conditions\":[]}", action);
        return json.substring(0, json.length() - 1) + ",\"active\":" + active + "}";
    }

    static RecipeId createSendRecipe(RecipeFixtures.Setup setup, boolean active) {
        HttpResponse<String> response =
                setup.owner().client().json("POST", "/api/v1/recipes", sendRecipeJson(setup, active));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new RecipeId(UUID.fromString(json(response).path("id").asString()));
    }

    private long createItem(String name, Map<String, String> values) {
        HttpResponse<String> response = setup.owner()
                .client()
                .json(
                        "POST",
                        "/api/v1/boards/" + setup.board().id() + "/items",
                        "{\"name\":" + RecipeFixtures.JSON.writeValueAsString(name) + ",\"values\":"
                                + RecipeFixtures.JSON.writeValueAsString(values) + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asLong();
    }

    private void change(long item, String status) {
        TestClient owner = setup.owner().client();
        long version = json(owner.get("/api/v1/items/" + item)).path("version").asLong();
        HttpResponse<String> response = owner.json(
                "PATCH",
                "/api/v1/items/" + item,
                "{\"version\":" + version + ",\"values\":{\"" + setup.status().id() + "\":\"" + status + "\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> sendFromItem(long item, String to) {
        return setup.owner()
                .client()
                .json(
                        "POST",
                        "/api/v1/boards/" + setup.board().id() + "/items/" + item + "/emails",
                        "{\"connectionId\":\"" + setup.connection().value() + "\",\"to\":[\"" + to
                                + "\"],\"subject\":\"Hi\",\"body\":\"x\"}");
    }

    private List<UpdateView> updates(long item, String start) {
        return boards.updates(Actor.user(setup.owner().user().id()), new ItemId(item), 100).stream()
                .filter(u -> Jsoup.parse(u.body()).text().startsWith(start))
                .toList();
    }

    /**
     * Creates an item in a transaction that is rolled back, and counts the event
     * publications kept for the send action: they are written with the item, and a completed one is deleted,
     * so only inside the transaction can they be seen for sure.
     */
    private int keptForANewItem() {
        Integer kept = transactions.execute(status -> {
            boards.createItem(
                    Actor.user(setup.owner().user().id()),
                    dev.mailboard.app.boards.NewItem.named(setup.board().id(), "x"));
            status.setRollbackOnly();
            return pending("WatchedItemCreated", setup.board().id().toString());
        });
        return kept == null ? -1 : kept;
    }

    /** Publications of this event type mentioning the text whose listeners have not completed yet. */
    private int pending(String eventType, String mentioning) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and event_type like ?"
                        + " and serialized_event like ?")
                .params("%" + eventType, "%" + mentioning + "%")
                .query(Integer.class)
                .single();
    }

    private int sendsOf(RecipeId recipe) {
        return jdbc.sql("select count(*) from mail_send where origin = ?")
                .param("recipe:" + recipe.value())
                .query(Integer.class)
                .single();
    }

    private int queued(ConnectionId connection) {
        return jdbc.sql("select count(*) from mail_send where connection_id = ?")
                .param(connection.value())
                .query(Integer.class)
                .single();
    }

    private List<JsonNode> sentFor(RecipeId recipe) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode mail : sandbox.sent(setup.mailbox())) {
            String marker = header(mail, AutomatedMail.MARKER_HEADER);
            if (marker != null && marker.startsWith("recipe:" + recipe.value() + ";")) {
                found.add(mail);
            }
        }
        return found;
    }

    private static String sentText(JsonNode mail) {
        return Jsoup.parse(mail.path("body").asString()).text();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    static @Nullable String header(JsonNode mail, String name) {
        for (JsonNode header : mail.path("headers")) {
            if (header.path("name").asString().equalsIgnoreCase(name)) {
                return header.path("value").asString();
            }
        }
        return null;
    }
}
