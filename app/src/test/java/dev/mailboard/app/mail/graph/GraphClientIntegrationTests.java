package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/** The Graph client against the embedded sandbox over real HTTP: reads, ids, limits, batch and delta. */
@MailboardIntegrationTest
class GraphClientIntegrationTests {

    @LocalServerPort
    int port;

    SandboxAccounts sandbox;
    RequestRecorder recorder;
    GraphClient graph;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxAccounts(port);
        recorder = new RequestRecorder();
        graph = GraphTestSettings.against(sandbox.graphBaseUrl())
                .intercept(recorder)
                .client();
    }

    @Test
    void readsTheUserTheInboxAndItsNewestMessage() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("reader");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);

        assertThat(graph.newestInboxMessageId(access)).isEmpty();
        sandbox.deliver(mailbox.address(), "older");
        String newest = sandbox.deliver(mailbox.address(), "newer").path("id").asString();

        GraphUser me = graph.me(access);
        assertThat(me.id()).isEqualTo(mailbox.id());
        assertThat(me.address()).isEqualTo(mailbox.address());
        assertThat(me.displayName()).isEqualTo("Test reader");
        assertThat(graph.inboxFolderId(access)).isNotBlank();
        assertThat(graph.newestInboxMessageId(access)).contains(newest);
        assertThat(recorder.sent())
                .filteredOn(s -> s.path().endsWith("/messages"))
                .allSatisfy(s -> assertThat(s.headers().getFirst("Prefer")).isEqualTo("IdType=\"ImmutableId\""));
    }

    @Test
    void fetchesAMessageByImmutableIdWhereverItMoves() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("mover");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String inbox = graph.inboxFolderId(access);
        String id = sandbox.deliver(
                        mailbox.address(),
                        Map.of(
                                "from", Map.of("name", "Ada", "address", "ada@example.com"),
                                "to", List.of(mailbox.address()),
                                "cc", List.of("cc@example.com"),
                                "subject", "Quarterly report",
                                "bodyHtml", "<p>Numbers</p>",
                                "headers", Map.of("x-ticket", "T-42")))
                .path("id")
                .asString();

        GraphMessage message = graph.message(access, id);
        sandbox.move(mailbox.address(), id, "junkemail");
        GraphMessage moved = graph.message(access, id);

        assertThat(message.id()).isEqualTo(id);
        assertThat(message.parentFolderId()).isEqualTo(inbox);
        assertThat(message.subject()).isEqualTo("Quarterly report");
        assertThat(message.from()).isEqualTo(GraphRecipient.of("ada@example.com", "Ada"));
        assertThat(message.ccRecipients()).extracting(GraphRecipient::address).containsExactly("cc@example.com");
        assertThat(message.header("x-ticket")).isEqualTo("T-42");
        assertThat(message.internetMessageId()).startsWith("<");
        assertThat(message.conversationId()).isNotBlank();
        assertThat(message.receivedDateTime()).isNotNull();
        assertThat(message.body()).isNotNull();
        assertThat(message.uniqueBody()).isNotNull();
        assertThat(message.bodyTruncated()).isFalse();
        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.parentFolderId()).isNotEqualTo(inbox);
        assertThat(recorder.sent())
                .filteredOn(s -> s.path().contains("/messages/"))
                .allSatisfy(s -> assertThat(s.decodedQuery()).startsWith("$select=" + GraphMessage.SELECT));
    }

    @Test
    void aDeletedMessageIsGone() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("deleter");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String id = sandbox.deliver(mailbox.address(), "soon gone").path("id").asString();
        sandbox.delete(mailbox.address(), id);

        GraphException gone = catchThrowableOfType(GraphException.class, () -> graph.message(access, id));

        assertThat(gone.kind()).isEqualTo(GraphException.Kind.GONE);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("ErrorItemNotFound");
        assertThat(gone.isRetryable()).isFalse();
        assertThat(gone.getMessage()).doesNotContain(access.accessToken()).doesNotContain("$select");
    }

    @Test
    void cutsBodiesOverTheConfiguredSize() {
        GraphClient small = GraphTestSettings.against(sandbox.graphBaseUrl())
                .maxBodySize(DataSize.ofBytes(100))
                .client();
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("long");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String id = sandbox.deliver(
                        mailbox.address(),
                        Map.of(
                                "from",
                                "long@example.com",
                                "to",
                                List.of(mailbox.address()),
                                "subject",
                                "Long",
                                "bodyText",
                                "x".repeat(5000)))
                .path("id")
                .asString();

        GraphMessage message = small.message(access, id);

        assertThat(message.bodyTruncated()).isTrue();
        assertThat(message.body()).isNotNull();
        assertThat(String.valueOf(message.body().content())).hasSize(100);
    }

    @Test
    void readsAMessageTooLargeToReadWholeWithoutItsBody() {
        GraphClient capped = GraphTestSettings.against(sandbox.graphBaseUrl())
                .maxResponseSize(DataSize.ofKilobytes(8))
                .client();
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("huge");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        String id = sandbox.deliver(
                        mailbox.address(),
                        Map.of(
                                "from",
                                "huge@example.com",
                                "to",
                                List.of(mailbox.address()),
                                "subject",
                                "Huge",
                                "bodyText",
                                "y".repeat(40_000)))
                .path("id")
                .asString();

        GraphMessage message = capped.message(access, id);

        assertThat(message.subject()).isEqualTo("Huge");
        assertThat(message.body()).isNull();
        assertThat(message.bodyTruncated()).isTrue();
    }

    @Test
    void copiesAttachmentsWithinTheLimitsAndKeepsTheRestAsReferences() {
        GraphClient limited = GraphTestSettings.against(sandbox.graphBaseUrl())
                .attachments(1, DataSize.ofKilobytes(1))
                .intercept(recorder)
                .client();
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("files");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        byte[] small = "small file".getBytes(StandardCharsets.UTF_8);
        String id = sandbox.deliver(
                        mailbox.address(),
                        Map.of(
                                "from", "files@example.com",
                                "to", List.of(mailbox.address()),
                                "subject", "Files",
                                "bodyText", "see attached",
                                "attachments",
                                        List.of(
                                                attachment("small.txt", small),
                                                attachment("big.bin", new byte[5000]),
                                                attachment("third.txt", small))))
                .path("id")
                .asString();

        List<FetchedAttachment> attachments = limited.attachments(access, id);

        assertThat(attachments)
                .extracting(a -> a.attachment().name())
                .containsExactly("small.txt", "big.bin", "third.txt");
        assertThat(attachments.get(0).content()).isEqualTo(small);
        assertThat(attachments.get(1).isReference()).isTrue();
        assertThat(attachments.get(1).attachment().size()).isEqualTo(5000);
        assertThat(attachments.get(1).attachment().contentType()).isEqualTo("application/octet-stream");
        assertThat(attachments.get(2).isReference()).as("over the count limit").isTrue();
        assertThat(recorder.sent())
                .as("only the copied attachment's content is fetched")
                .filteredOn(s -> s.path().contains("/attachments/"))
                .hasSize(1);
    }

    @Test
    void fetchesTwentyFiveMessagesInTwoBatches() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("batch");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(sandbox.deliver(mailbox.address(), "batch " + i).path("id").asString());
        }
        ids.add("AAMkAGdoesnotexist");

        GraphBatchResult result = graph.messages(access, ids);

        assertThat(recorder.count("POST", "/$batch")).isEqualTo(2);
        assertThat(result.messages()).hasSize(24);
        assertThat(result.messages().get(ids.get(3)).subject()).isEqualTo("batch 3");
        assertThat(result.messages().values())
                .allSatisfy(m -> assertThat(m.parentFolderId()).isNotBlank());
        assertThat(result.failures()).containsOnlyKeys("AAMkAGdoesnotexist");
        assertThat(result.failures().get("AAMkAGdoesnotexist").kind()).isEqualTo(GraphException.Kind.GONE);
    }

    @Test
    void deltaFollowsNextLinksToACompleteRoundThenSeesOnlyTheChanges() {
        GraphClient paged = GraphTestSettings.against(sandbox.graphBaseUrl())
                .deltaPageSize(2)
                .intercept(recorder)
                .client();
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("delta");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sandbox.deliver(mailbox.address(), "delta " + i).path("id").asString());
        }

        DeltaRound.Complete first = (DeltaRound.Complete) paged.delta(access, "inbox", null);
        long pages = recorder.count("GET", "/delta");
        String added =
                sandbox.deliver(mailbox.address(), "after the round").path("id").asString();
        sandbox.delete(mailbox.address(), ids.get(0));
        DeltaRound.Complete second = (DeltaRound.Complete) paged.delta(access, "inbox", first.deltaLink());

        assertThat(first.changed()).extracting(GraphDeltaItem::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first.removedIds()).isEmpty();
        assertThat(pages).isEqualTo(3);
        assertThat(recorder.sent())
                .filteredOn(s -> s.path().endsWith("/delta"))
                .allSatisfy(s -> assertThat(s.headers().getFirst("Prefer"))
                        .contains("IdType=\"ImmutableId\"")
                        .contains("odata.maxpagesize=2"));
        assertThat(second.changed()).extracting(GraphDeltaItem::id).containsExactly(added);
        assertThat(second.removedIds()).containsExactly(ids.get(0));
        assertThat(second.deltaLink()).isNotEqualTo(first.deltaLink());
    }

    @Test
    void anExpiredDeltaTokenAsksForAResync() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("resync");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        sandbox.deliver(mailbox.address(), "one");
        DeltaRound.Complete first = (DeltaRound.Complete) graph.delta(access, "inbox", null);

        DeltaRound again;
        try {
            sandbox.faults(Map.of("delta410", 1.0));
            again = graph.delta(access, "inbox", first.deltaLink());
        } finally {
            sandbox.clearFaults();
        }

        assertThat(again).isEqualTo(new DeltaRound.ResyncNeeded("syncStateNotFound"));
        assertThat(graph.delta(access, "inbox", null)).isInstanceOf(DeltaRound.Complete.class);
    }

    @Test
    void aThrottledMailboxWaitsForTheDecimalRetryAfterWithoutHoldingUpOthers() {
        SandboxAccounts.Mailbox busy = sandbox.createMailbox("throttled");
        SandboxAccounts.Mailbox other = sandbox.createMailbox("unthrottled");
        GraphAccess busyAccess = access(busy, SandboxAccounts.READ_SCOPES);
        GraphAccess otherAccess = access(other, SandboxAccounts.READ_SCOPES);

        GraphException throttled;
        try {
            sandbox.faults(Map.of("rate429", 1.0, "retryAfterSeconds", 2.128));
            throttled = catchThrowableOfType(GraphException.class, () -> graph.me(busyAccess));
        } finally {
            sandbox.clearFaults();
        }
        int sentBefore = recorder.sent().size();
        GraphException held = catchThrowableOfType(GraphException.class, () -> graph.me(busyAccess));

        assertThat(throttled.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("TooManyRequests");
        assertThat(throttled.retryAfter()).contains(Duration.ofMillis(2128));
        assertThat(held.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(held.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(2128)));
        assertThat(recorder.sent())
                .as("no request while Graph throttles the mailbox")
                .hasSize(sentBefore);
        assertThat(graph.me(otherAccess).id()).isEqualTo(other.id());
    }

    @Test
    void unavailableAnswersAreRetryable() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("unavailable");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);

        GraphException unavailable;
        try {
            sandbox.faults(Map.of("rate503", 1.0, "retryAfterSeconds", 0.5));
            unavailable = catchThrowableOfType(GraphException.class, () -> graph.inboxFolderId(access));
        } finally {
            sandbox.clearFaults();
        }

        assertThat(unavailable.kind()).isEqualTo(GraphException.Kind.UNAVAILABLE);
        assertThat(unavailable.isRetryable()).isTrue();
        assertThat(unavailable.retryAfter()).contains(Duration.ofMillis(500));
    }

    @Test
    void aMissingScopeIsForbiddenAndABadTokenIsRejected() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("scopes");
        GraphAccess profileOnly = access(mailbox, "openid User.Read");

        GraphException forbidden = catchThrowableOfType(GraphException.class, () -> graph.inboxFolderId(profileOnly));
        GraphException rejected = catchThrowableOfType(
                GraphException.class, () -> graph.me(new GraphAccess(mailbox.id(), "not-a-token")));

        assertThat(graph.me(profileOnly).id()).isEqualTo(mailbox.id());
        assertThat(forbidden.kind()).isEqualTo(GraphException.Kind.FORBIDDEN);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(rejected.kind()).isEqualTo(GraphException.Kind.TOKEN_REJECTED);
        assertThat(rejected.status()).isEqualTo(401);
    }

    @Test
    void recentInboxMessagesComeNewestFirst() {
        SandboxAccounts.Mailbox mailbox = sandbox.createMailbox("recent");
        GraphAccess access = access(mailbox, SandboxAccounts.READ_SCOPES);
        for (int i = 0; i < 4; i++) {
            sandbox.deliver(mailbox.address(), "recent " + i);
        }

        List<GraphMessage> recent = graph.recentInboxMessages(access, 3);

        assertThat(recent).extracting(GraphMessage::subject).containsExactly("recent 3", "recent 2", "recent 1");
    }

    private GraphAccess access(SandboxAccounts.Mailbox mailbox, String scopes) {
        return new GraphAccess(mailbox.id(), sandbox.accessToken(mailbox.address(), scopes));
    }

    private static Map<String, Object> attachment(String name, byte[] content) {
        String type = name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
        return Map.of(
                "name",
                name,
                "contentType",
                type,
                "contentBase64",
                Base64.getEncoder().encodeToString(content));
    }
}
