package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Graph's documented payloads (fixtures in {@code src/test/resources/graph}) mapped to the client's records. */
class GraphPayloadMappingTests {

    private static final Instant NOW = Instant.parse("2024-07-15T14:30:00Z");

    private final JsonMapper json = GraphJson.mapper();
    private final GraphErrors errors = new GraphErrors(json, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsAMessageAndIgnoresFieldsItDoesNotUse() throws IOException {
        GraphMessage message = read("message.json", GraphMessage.class);

        assertThat(message.id()).isEqualTo("AAMkAGI1AAAoZCfHAAA=");
        assertThat(message.parentFolderId()).isEqualTo("AQMkAGI1AAAEMAAAA");
        assertThat(message.subject()).isEqualTo("Orders for this week");
        assertThat(message.from()).isEqualTo(GraphRecipient.of("MeganB@contoso.com", "Megan Bowen"));
        assertThat(message.sender()).isEqualTo(GraphRecipient.of("bot@contoso.com", "Orders Bot"));
        assertThat(message.toRecipients()).extracting(GraphRecipient::address).containsExactly("AlexW@contoso.com");
        assertThat(message.ccRecipients()).extracting(GraphRecipient::address).containsExactly("LeeG@contoso.com");
        assertThat(message.replyTo()).extracting(GraphRecipient::address).containsExactly("orders@contoso.com");
        assertThat(message.receivedDateTime()).isEqualTo(Instant.parse("2018-09-09T03:15:08Z"));
        assertThat(message.internetMessageId()).startsWith("<MWHPR1301MB2063");
        assertThat(message.conversationId()).isEqualTo("AAQkAGI1AAQAHxf7nEMOzkOfpHVYc8gXyw=");
        assertThat(message.header("in-reply-to")).isEqualTo("<earlier@contoso.com>");
        assertThat(message.body())
                .isEqualTo(GraphItemBody.html("<html><body><p>Please see the attached list.</p></body></html>"));
        assertThat(message.uniqueBody()).isEqualTo(GraphItemBody.html("<p>Please see the attached list.</p>"));
        assertThat(message.hasAttachments()).isTrue();
        assertThat(message.importance()).isEqualTo("high");
        assertThat(message.isDeliveryReceiptRequested()).isFalse();
        assertThat(message.isReadReceiptRequested()).isTrue();
        assertThat(message.bodyTruncated()).isFalse();
    }

    @Test
    void cutsLongBodiesAndMarksThem() throws IOException {
        GraphMessage message = read("message.json", GraphMessage.class).keepingBodiesUpTo(10);

        assertThat(message.bodyTruncated()).isTrue();
        assertThat(message.body()).isEqualTo(GraphItemBody.html("<html><bod"));
        assertThat(message.uniqueBody()).isEqualTo(GraphItemBody.html("<p>Please "));
        assertThat(read("message.json", GraphMessage.class)
                        .keepingBodiesUpTo(1000)
                        .bodyTruncated())
                .isFalse();
    }

    @Test
    void aMessageWithOnlyAnIdHasEmptyLists() {
        GraphMessage message = json.readValue("{\"id\":\"x\"}", GraphMessage.class);

        assertThat(message.toRecipients()).isEmpty();
        assertThat(message.internetMessageHeaders()).isEmpty();
        assertThat(message.hasAttachments()).isFalse();
        assertThat(message.header("Message-ID")).isNull();
    }

    @Test
    void mapsAListPageWithItsNextLink() throws IOException {
        GraphPage<GraphMessage> page = read("message-list-page.json", new TypeReference<GraphPage<GraphMessage>>() {});

        assertThat(page.value())
                .extracting(GraphMessage::id)
                .containsExactly("AAMkAGI1AAAoZCfHAAA=", "AAMkAGI1AAAoZCfIAAA=");
        assertThat(page.nextLink()).endsWith("%24skip=2");
    }

    @Test
    void mapsDeltaPagesWithRemovedItems() throws IOException {
        GraphDeltaPage first = read("delta-first-page.json", GraphDeltaPage.class);
        GraphDeltaPage next = read("delta-next-round-removed.json", GraphDeltaPage.class);

        assertThat(first.nextLink()).contains("$skiptoken=");
        assertThat(first.deltaLink()).isNull();
        assertThat(first.value()).extracting(GraphDeltaItem::isRemoved).containsExactly(false, false);
        assertThat(first.value().get(0).receivedDateTime()).isEqualTo(Instant.parse("2016-12-14T19:42:37.1234567Z"));
        assertThat(first.value().get(1).receivedDateTime()).isEqualTo(Instant.parse("2016-12-14T19:41:08Z"));
        assertThat(next.nextLink()).isNull();
        assertThat(next.deltaLink()).contains("$deltatoken=");
        assertThat(next.value().get(0).isRemoved()).isTrue();
        assertThat(next.value().get(0).removed()).isEqualTo(new GraphDeltaItem.Removed("deleted"));
        assertThat(next.value().get(1).isRemoved()).isFalse();
    }

    @Test
    void mapsAttachmentMetadataWithoutContent() throws IOException {
        GraphPage<GraphAttachment> page =
                read("attachments-page.json", new TypeReference<GraphPage<GraphAttachment>>() {});

        assertThat(page.value())
                .extracting(GraphAttachment::name)
                .containsExactly("orders.txt", "Forwarded meeting", "Plan.docx");
        assertThat(page.value()).extracting(GraphAttachment::isFile).containsExactly(true, false, false);
        assertThat(page.value().get(0).size()).isEqualTo(1008);
        assertThat(page.value().get(0).isInline()).isFalse();
        assertThat(page.value().get(1).contentType()).isNull();
    }

    @Test
    void mapsASubscriptionAndKeepsItsClientStateOutOfToString() throws IOException {
        GraphSubscription subscription = read("subscription.json", GraphSubscription.class);

        assertThat(subscription.id()).isEqualTo("7f105c7d-2dc5-4530-97cd-4e7ae6534c07");
        assertThat(subscription.expirationDateTime()).isEqualTo(Instant.parse("2016-11-20T18:23:45.9356913Z"));
        assertThat(subscription.clientState()).isEqualTo("secretClientValue");
        assertThat(subscription.toString()).doesNotContain("secretClientValue");
    }

    @Test
    void writesRequestsInGraphsShape() {
        NewSubscription subscription = new NewSubscription(
                "created",
                "https://mb.example/n",
                null,
                NewSubscription.INBOX_MESSAGES,
                Instant.parse("2030-01-01T00:00:00Z"),
                "cs");
        JsonNode written = json.valueToTree(subscription);
        JsonNode mail = json.valueToTree(new GraphApi.SendMail(
                OutgoingMessage.to(List.of(GraphRecipient.of("a@example.com", null)), "Hi", GraphItemBody.text("Body")),
                false));

        assertThat(written.path("expirationDateTime").asString()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(written.has("lifecycleNotificationUrl")).isFalse();
        assertThat(subscription.toString()).doesNotContain("cs]").doesNotContain("clientState");
        assertThat(mail.path("saveToSentItems").asBoolean(true)).isFalse();
        assertThat(mail.path("message")
                        .path("toRecipients")
                        .get(0)
                        .path("emailAddress")
                        .path("address")
                        .asString())
                .isEqualTo("a@example.com");
        assertThat(mail.path("message").has("ccRecipients")).isFalse();
        assertThat(mail.path("message").path("body").path("contentType").asString())
                .isEqualTo("text");
    }

    @Test
    void mapsErrorBodiesToKinds() throws IOException {
        GraphException gone =
                errors.of(404, read("error-item-not-found.json", GraphErrorBody.class), null, "GET /me/messages/x");
        GraphException throttled =
                errors.of(429, read("error-429-too-many-requests.json", GraphErrorBody.class), "2.128", "GET /me");
        GraphException resync =
                errors.of(400, read("error-sync-state-not-found.json", GraphErrorBody.class), null, "GET delta");

        assertThat(gone.kind()).isEqualTo(GraphException.Kind.GONE);
        assertThat(gone.code()).isEqualTo("ErrorItemNotFound");
        assertThat(gone.retryAfter()).isEmpty();
        assertThat(throttled.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(throttled.code()).isEqualTo("TooManyRequests");
        assertThat(throttled.retryAfter()).contains(Duration.ofMillis(2128));
        assertThat(resync.kind()).isEqualTo(GraphException.Kind.RESYNC_NEEDED);
    }

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST", "401, TOKEN_REJECTED", "403, FORBIDDEN", "404, GONE", "409, CONFLICT",
        "410, RESYNC_NEEDED", "413, BAD_REQUEST", "429, THROTTLED", "500, TRANSIENT", "502, TRANSIENT",
        "503, UNAVAILABLE", "504, UNAVAILABLE"
    })
    void mapsStatusesToKinds(int status, GraphException.Kind kind) {
        assertThat(GraphErrors.kind(status, "whatever")).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"2.128, 2128", "10, 10000", "0.5, 500", "0, 0", "' 3 ', 3000"})
    void readsRetryAfterAsDecimalSeconds(String header, long millis) {
        assertThat(errors.retryAfter(header)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void readsRetryAfterAsAnHttpDateAndIgnoresNonsense() {
        assertThat(errors.retryAfter("Mon, 15 Jul 2024 14:30:07 GMT")).isEqualTo(Duration.ofSeconds(7));
        assertThat(errors.retryAfter("-1")).isNull();
        assertThat(errors.retryAfter("soon")).isNull();
        assertThat(errors.retryAfter(null)).isNull();
    }

    @Test
    void mapsBatchResponsesPerRequest() throws IOException {
        GraphBatch.Response response = read("batch-response.json", GraphBatch.Response.class);
        Map<String, GraphBatch.Item> byId = new java.util.HashMap<>();
        response.responses().forEach(item -> byId.put(item.id(), item));

        GraphException throttled = errors.fromBatchItem(byId.get("2"), "batch");
        GraphException gone = errors.fromBatchItem(byId.get("3"), "batch");

        assertThat(json.treeToValue(byId.get("1").body(), GraphMessage.class).subject())
                .isEqualTo("First");
        assertThat(throttled.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(throttled.retryAfter()).contains(Duration.ofMillis(3500));
        assertThat(gone.kind()).isEqualTo(GraphException.Kind.GONE);
    }

    private <T> T read(String fixture, Class<T> type) throws IOException {
        try (InputStream in = fixture(fixture)) {
            return json.readValue(in, type);
        }
    }

    private <T> T read(String fixture, TypeReference<T> type) throws IOException {
        try (InputStream in = fixture(fixture)) {
            return json.readValue(in, type);
        }
    }

    private static InputStream fixture(String name) {
        InputStream in = GraphPayloadMappingTests.class.getResourceAsStream("/graph/" + name);
        assertThat(in).as("fixture " + name).isNotNull();
        return in;
    }
}
