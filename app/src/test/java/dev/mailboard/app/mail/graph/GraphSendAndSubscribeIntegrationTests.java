package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.webhooks.ValidationWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Sending (draft then send, sendMail, reply) and subscriptions against the embedded sandbox. */
@MailboardIntegrationTest
class GraphSendAndSubscribeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ValidationWindows windows;

    SandboxAccounts sandbox;
    GraphClient graph;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxAccounts(port);
        graph = GraphTestSettings.against(sandbox.graphBaseUrl()).client();
    }

    @Test
    void sendsADraftOnceEvenWhenTheSendIsRetried() {
        SandboxAccounts.Mailbox sender = sandbox.createMailbox("sender");
        SandboxAccounts.Mailbox recipient = sandbox.createMailbox("recipient");
        GraphAccess access = access(sender, SandboxAccounts.SEND_SCOPES);
        String subject = "Draft " + UUID.randomUUID();

        String draftId = graph.createDraft(
                access,
                OutgoingMessage.to(
                        List.of(GraphRecipient.of(recipient.address(), "Recipient")),
                        subject,
                        GraphItemBody.text("Hello from a draft")));
        graph.send(access, draftId);
        GraphException retried = catchThrowableOfType(GraphException.class, () -> graph.send(access, draftId));

        assertThat(draftId).isNotBlank();
        assertThat(retried.isRetryable()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(subjects(sandbox.messages(recipient.address())))
                        .containsOnlyOnce(subject));
        assertThat(subjects(sandbox.sent(sender.address()))).containsOnlyOnce(subject);
    }

    @Test
    void sendsMailAndReplies() {
        SandboxAccounts.Mailbox sender = sandbox.createMailbox("mailer");
        SandboxAccounts.Mailbox recipient = sandbox.createMailbox("replier");
        GraphAccess senderAccess = access(sender, SandboxAccounts.SEND_SCOPES);
        GraphAccess recipientAccess = access(recipient, SandboxAccounts.SEND_SCOPES);
        String subject = "Direct " + UUID.randomUUID();

        graph.sendMail(
                senderAccess,
                OutgoingMessage.to(
                        List.of(GraphRecipient.of(recipient.address(), null)),
                        subject,
                        GraphItemBody.html("<p>Hi</p>")),
                true);
        String received = await().atMost(Duration.ofSeconds(10))
                .until(() -> graph.newestInboxMessageId(recipientAccess), java.util.Optional::isPresent)
                .orElseThrow();
        graph.reply(recipientAccess, received, "Thanks!");

        assertThat(graph.message(recipientAccess, received).subject()).isEqualTo(subject);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(subjects(sandbox.messages(sender.address())))
                        .anySatisfy(s -> assertThat(s).contains(subject).startsWith("RE:")));
    }

    @Test
    void createsListsRenewsAndDeletesASubscription() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("subscriber");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String edge = sandbox.appBaseUrl() + "/webhooks/graph/";
        NewSubscription request = new NewSubscription(
                "created",
                edge + "notifications",
                edge + "lifecycle",
                NewSubscription.INBOX_MESSAGES,
                Instant.now().plus(Duration.ofHours(1)),
                "client-state-" + UUID.randomUUID());

        GraphSubscription created;
        try (ValidationWindows.Window window = windows.open(Duration.ofSeconds(30))) {
            created = graph.createSubscription(access, request);
        }
        Instant renewTo = Instant.now().plus(Duration.ofHours(2));
        GraphSubscription renewed = graph.renewSubscription(access, created.id(), renewTo);
        List<GraphSubscription> listed = graph.subscriptions(access);
        graph.deleteSubscription(access, created.id());
        GraphException renewDeleted = catchThrowableOfType(
                GraphException.class, () -> graph.renewSubscription(access, created.id(), renewTo));

        assertThat(created.id()).isNotBlank();
        assertThat(created.resource()).isEqualTo(NewSubscription.INBOX_MESSAGES);
        assertThat(created.expirationDateTime()).isAfter(Instant.now().plus(Duration.ofMinutes(44)));
        assertThat(created.toString()).doesNotContain(request.clientState());
        assertThat(renewed.expirationDateTime()).isAfter(Instant.now().plus(Duration.ofMinutes(110)));
        assertThat(listed).extracting(GraphSubscription::id).contains(created.id());
        assertThat(graph.subscriptions(access))
                .extracting(GraphSubscription::id)
                .doesNotContain(created.id());
        assertThat(renewDeleted.kind()).isEqualTo(GraphException.Kind.GONE);
    }

    @Test
    void aSubscriptionWhoseEndpointDoesNotAnswerTheHandshakeIsRefused() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("unvalidated");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String edge = sandbox.appBaseUrl() + "/webhooks/graph/";

        GraphException refused = catchThrowableOfType(
                GraphException.class,
                () -> graph.createSubscription(
                        access,
                        new NewSubscription(
                                "created",
                                edge + "notifications",
                                edge + "lifecycle",
                                NewSubscription.INBOX_MESSAGES,
                                Instant.now().plus(Duration.ofHours(1)),
                                "state")));

        assertThat(refused.kind()).isEqualTo(GraphException.Kind.BAD_REQUEST);
        assertThat(refused.code()).isEqualTo("ValidationError");
    }

    private GraphAccess access(SandboxAccounts.Mailbox mailbox, String scopes) {
        return new GraphAccess(mailbox.id(), sandbox.accessToken(mailbox.address(), scopes));
    }

    private static List<String> subjects(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(m -> m.path("subject").asString())
                .toList();
    }
}
