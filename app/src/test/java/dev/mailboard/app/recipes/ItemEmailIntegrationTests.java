package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.RecipeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardRole;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewItem;
import dev.mailboard.app.boards.UpdateView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.AutomatedMail;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.mail.MailSendTestHooks;
import dev.mailboard.app.mail.MailSender;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Send email" on an item, against the embedded sandbox: sent once with the marker header, shown as an update,
 * safe across a failure after the send call (S-52, S-53, S-54, S-55, S-65, S-66, S-48).
 */
@MailboardIntegrationTest
class ItemEmailIntegrationTests {

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
    ApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private RecipeFixtures.Setup setup;
    private ItemView item;
    private SandboxAccounts sandbox;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
        item = boards.createItem(
                Actor.user(setup.owner().user().id()),
                NewItem.named(setup.board().id(), "Order 5 for blue widgets"));
        sandbox = new SandboxAccounts(port);
    }

    @Test
    void sendsOnceWithTheMarkerHeaderAndShowsItAsAnUpdate() {
        grantSend();
        String customer = RecipeFixtures.unique("customer") + "@outside.example";

        HttpResponse<String> response = send(
                setup.owner().client(),
                "{\"connectionId\":\"" + setup.connection().value() + "\",\"to\":[\"Ana Buyer <" + customer
                        + ">\"],\"body\":\"<p>Your order ships today.</p><script>alert(1)</script>\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID sendId = UUID.fromString(json(response).path("sendId").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> sender.state(sendId), s -> s.equals(Optional.of("sent")));
        List<JsonNode> sent = sentWithSendId(sendId);
        assertThat(sent).hasSize(1);
        JsonNode mail = sent.get(0);
        assertThat(mail.path("subject").asString()).isEqualTo("[" + item.id().tag() + "] Order 5 for blue widgets");
        assertThat(StreamSupport.stream(mail.path("external").spliterator(), false)
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly(customer);
        assertThat(header(mail, AutomatedMail.MARKER_HEADER))
                .isEqualTo("item:" + item.id().value() + "; send=" + sendId);
        assertThat(header(mail, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(header(mail, "X-Mailboard-Auto-Submitted")).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> sentUpdates().size() == 1);
        UpdateView update = sentUpdates().get(0);
        assertThat(Jsoup.parse(update.body()).text())
                .contains("Email sent to " + customer + ": [" + item.id().tag() + "]")
                .contains("Your order ships today.");
        assertThat(update.body()).doesNotContain("script");
        assertThat(jdbc.sql(
                                "select count(*) from recipe_thread where item_id = ? and kind = 'message' and thread_key = ?")
                        .params(
                                item.id().value(),
                                ThreadIndex.normalise(
                                        mail.path("internetMessageId").asString()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'mail.sent' and detail like ?")
                        .param("send " + sendId + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReplyToTheSentMailComesBackToTheItem() {
        grantSend();
        HttpResponse<String> response =
                send(setup.owner().client(), body(List.of("buyer@outside.example"), "Your quote"));
        UUID sendId = UUID.fromString(json(response).path("sendId").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> sentUpdates().size() == 1);
        String messageId =
                sentWithSendId(sendId).get(0).path("internetMessageId").asString();
        RecipeFixtures.createRecipe(setup, "{\"type\":\"allOf\",\"conditions\":[]}");

        MailReceived reply = RecipeFixtures.mail(
                setup,
                "msg-" + UUID.randomUUID(),
                "Re: Your quote",
                "buyer@outside.example",
                messageId,
                List.of(messageId),
                null,
                Set.of());
        transactions.executeWithoutResult(status -> events.publishEvent(reply));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> boards.updates(Actor.user(setup.owner().user().id()), item.id(), 50).stream()
                        .anyMatch(u -> u.body().contains("New text of Re: Your quote")));
    }

    @Test
    void aFailureAfterTheSendCallIsRetriedWithoutASecondCopy() {
        grantSend();
        String subject = "Crash test " + UUID.randomUUID();
        MailSendTestHooks.failAfterSendCall(context, subject);

        HttpResponse<String> response = send(setup.owner().client(), body(List.of("buyer@outside.example"), subject));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID sendId = UUID.fromString(json(response).path("sendId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.state(sendId), s -> s.equals(Optional.of("sent")));
        assertThat(MailSendTestHooks.armed(context, subject))
                .as("the failpoint fired")
                .isFalse();
        assertThat(jdbc.sql("select attempts from mail_send where id = ?")
                        .param(sendId)
                        .query(Integer.class)
                        .single())
                .as("one send call: the retry found the mail in Sent Items")
                .isEqualTo(1);
        assertThat(sentWithSendId(sendId)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sentUpdates().size() == 1);
    }

    @Test
    void headerInjectionIsRefusedAndNothingIsQueued() {
        grantSend();
        TestClient owner = setup.owner().client();
        List<String> bodies = List.of(
                body(List.of("a@outside.example"), "Hello\r\nBcc: victim@outside.example"),
                body(List.of("a@outside.example\r\nBcc: victim@outside.example"), "Hello"),
                body(List.of("Evil\r\nBcc: victim@outside.example <a@outside.example>"), "Hello"),
                body(List.of("a@outside.example\u0000"), "Hello"),
                body(List.of("not an address"), "Hello"));
        for (String body : bodies) {
            HttpResponse<String> response = send(owner, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("errors").get(0).path("field").asString())
                    .isIn("subject", "to[0]");
        }
        HttpResponse<String> tooMany = send(owner, body(Collections.nCopies(51, "a@outside.example"), "Hello"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).path("detail").asString()).contains("At most 50 recipients");
        assertThat(queued()).isZero();
        assertThat(sandbox.sent(setup.mailbox()).size()).isZero();
    }

    @Test
    void aRecipientGetsAtMostThreeMailsFromAnItemPerDay() {
        grantSend();
        TestClient owner = setup.owner().client();
        String to = RecipeFixtures.unique("often") + "@outside.example";
        for (int i = 0; i < 3; i++) {
            assertThat(send(owner, body(List.of(to), "Reminder " + i)).statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> fourth = send(owner, body(List.of(to), "Reminder 3"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(json(fourth).path("detail").asString()).contains(to).contains("24 hours");
        assertThat(queued()).isEqualTo(3);
        assertThat(send(owner, body(List.of("someone-else@outside.example"), "Other"))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void withoutMailSendTheAnswerIs409WithTheLinkToGrantIt() {
        HttpResponse<String> response = send(setup.owner().client(), body(List.of("a@outside.example"), "Hello"));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode problem = json(response);
        assertThat(problem.path("title").asString()).isEqualTo("Grant sending first");
        assertThat(problem.path("grantUrl").asString())
                .isEqualTo("/integrations/" + setup.connection().value() + "/send-permission");
        assertThat(queued()).isZero();
    }

    @Test
    void viewersOtherMembersMailboxesAndOtherAccountsCannotSend() {
        grantSend();
        RecipeFixtures.Person viewer = RecipeFixtures.person(accounts, port, setup.account(), Role.MEMBER);
        boards.putMember(
                Actor.user(setup.owner().user().id()),
                setup.board().id(),
                viewer.user().id(),
                BoardRole.VIEWER);
        assertThat(send(viewer.client(), body(List.of("a@outside.example"), "Hi"))
                        .statusCode())
                .isEqualTo(403);

        RecipeFixtures.Person editor = RecipeFixtures.person(accounts, port, setup.account(), Role.MEMBER);
        boards.putMember(
                Actor.user(setup.owner().user().id()),
                setup.board().id(),
                editor.user().id(),
                BoardRole.EDITOR);
        HttpResponse<String> foreignMailbox = send(editor.client(), body(List.of("a@outside.example"), "Hi"));
        assertThat(foreignMailbox.statusCode()).isEqualTo(403);
        assertThat(json(foreignMailbox).path("detail").asString()).contains("mailbox you connected yourself");

        RecipeFixtures.Setup other = RecipeFixtures.setup(accounts, boards, connections, port);
        assertThat(send(other.owner().client(), body(List.of("a@outside.example"), "Hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(queued()).isZero();
    }

    @Test
    void theItemPageSendsAndExplainsARefusal() {
        grantSend();
        TestClient owner = setup.owner().client();
        String page = owner.get(pagePath()).body();
        assertThat(page).contains("id=\"email-form\"").contains("[" + item.id().tag() + "] Order 5 for blue widgets");

        HttpResponse<String> refused = owner.postForm(
                pagePath() + "/emails",
                Map.of(
                        "connectionId", setup.connection().value().toString(),
                        "to", "a@outside.example",
                        "subject", "Hi\r\nBcc: victim@outside.example",
                        "body", "x"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(owner.get(pagePath()).body()).contains("The subject may not contain control characters");

        String to = RecipeFixtures.unique("page") + "@outside.example";
        HttpResponse<String> sent = owner.postForm(
                pagePath() + "/emails",
                Map.of(
                        "connectionId",
                        setup.connection().value().toString(),
                        "to",
                        to,
                        "subject",
                        "From the page",
                        "body",
                        "<p>Sent from the page</p>"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(owner.get(pagePath()).body()).contains("The email is on its way");
        await().atMost(Duration.ofSeconds(20)).until(() -> sentUpdates().size() == 1);
        assertThat(StreamSupport.stream(sandbox.sent(setup.mailbox()).spliterator(), false)
                        .filter(m -> m.path("subject").asString().equals("From the page"))
                        .count())
                .isEqualTo(1);
    }

    private String pagePath() {
        return "/boards/" + setup.board().id() + "/items/" + item.id().value();
    }

    private void grantSend() {
        TestClient owner = setup.owner().client();
        HttpResponse<String> start =
                owner.postForm("/integrations/" + setup.connection().value() + "/send-permission", Map.of());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        URI callback = SandboxConsent.decide(owner, authorize, setup.mailbox(), true);
        assertThat(SandboxConsent.callback(owner, callback).statusCode()).isEqualTo(302);
        assertThat(connections.find(setup.connection()).orElseThrow().maySend()).isTrue();
    }

    private HttpResponse<String> send(TestClient client, String body) {
        return client.json(
                "POST",
                "/api/v1/boards/" + setup.board().id() + "/items/" + item.id().value() + "/emails",
                body);
    }

    private String body(List<String> to, String subject) {
        List<String> quoted = new ArrayList<>();
        for (String address : to) {
            quoted.add(RecipeFixtures.JSON.writeValueAsString(address));
        }
        return "{\"connectionId\":\"" + setup.connection().value() + "\",\"to\":[" + String.join(",", quoted)
                + "],\"subject\":" + RecipeFixtures.JSON.writeValueAsString(subject) + ",\"body\":\"<p>Hi</p>\"}";
    }

    private int queued() {
        return jdbc.sql("select count(*) from mail_send where connection_id = ?")
                .param(setup.connection().value())
                .query(Integer.class)
                .single();
    }

    private List<JsonNode> sentWithSendId(UUID sendId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode mail : sandbox.sent(setup.mailbox())) {
            String marker = header(mail, AutomatedMail.MARKER_HEADER);
            if (marker != null && marker.contains("send=" + sendId)) {
                found.add(mail);
            }
        }
        return found;
    }

    private List<UpdateView> sentUpdates() {
        return boards.updates(Actor.user(setup.owner().user().id()), item.id(), 50).stream()
                .filter(u -> u.body().contains("Email sent to"))
                .toList();
    }

    private static String header(JsonNode mail, String name) {
        for (JsonNode header : mail.path("headers")) {
            if (header.path("name").asString().equalsIgnoreCase(name)) {
                return header.path("value").asString();
            }
        }
        return null;
    }
}
