package dev.mailboard.app.webhooks;

import static dev.mailboard.app.webhooks.TestSubscriptions.batch;
import static dev.mailboard.app.webhooks.TestSubscriptions.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webhook edge over real HTTP: handshake, checks, durable store (S-19 to S-23, S-28). */
@MailboardIntegrationTest
class NotificationEdgeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestSubscriptions subscriptions;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    ValidationWindows windows;

    @Autowired
    MeterRegistry metrics;

    @Test
    void echoesTheValidationTokenOnlyWhileASubscriptionRequestIsInFlight() {
        String token = "Validation: Testing client application reachability for subscription Request-Id: "
                + UUID.randomUUID() + " & <odd> chars+";
        String path =
                "/webhooks/graph/notifications?validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

        HttpResponse<String> closed = post(path, "text/plain; charset=utf-8", "");
        HttpResponse<String> open;
        try (ValidationWindows.Window window = windows.open(Duration.ofSeconds(30))) {
            open = post(path, "text/plain; charset=utf-8", "");
        }

        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo(token);
        assertThat(open.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(open.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void refusesAnOverlongValidationToken() {
        try (ValidationWindows.Window window = windows.open(Duration.ofSeconds(30))) {
            HttpResponse<String> response =
                    post("/webhooks/graph/lifecycle?validationToken=" + "x".repeat(1025), "text/plain", "");
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void storesOnlyNotificationsWithTheRightClientState() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        String good = UUID.randomUUID().toString();
        double mismatchesBefore = counter("client_state_mismatch");
        String body = batch(
                change(subscription.id(), subscription.clientState(), good),
                change(subscription.id(), "forged-" + subscription.clientState(), "forged-" + good),
                change("unknown-" + UUID.randomUUID(), subscription.clientState(), "unknown-" + good));

        HttpResponse<String> response = post("/webhooks/graph/notifications", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(202);
        List<InboxEntry> stored = claimAllFor(subscription.id());
        assertThat(stored).extracting(InboxEntry::messageId).containsExactly(good);
        assertThat(stored.get(0).changeType()).isEqualTo("created");
        assertThat(counter("client_state_mismatch")).isEqualTo(mismatchesBefore + 1);
    }

    @Test
    void dropsABatchWhoseValidationTokensFailTheChecks() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        double invalidBefore = counter("invalid_validation_token");
        String items = batch(change(subscription.id(), subscription.clientState(), "with-forged-token"));
        String body = items.substring(0, items.length() - 1) + ",\"validationTokens\":[\"forged.token.value\"]}";

        HttpResponse<String> response = post("/webhooks/graph/notifications", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(claimAllFor(subscription.id())).isEmpty();
        assertThat(counter("invalid_validation_token")).isEqualTo(invalidBefore + 1);
    }

    @Test
    void storesLifecycleEvents() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        String body = batch("{\"subscriptionId\":\"" + subscription.id() + "\",\"clientState\":\""
                + subscription.clientState() + "\",\"lifecycleEvent\":\"missed\",\"tenantId\":\"t\"}");

        HttpResponse<String> response = post("/webhooks/graph/lifecycle", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(claimAllFor(subscription.id())).singleElement().satisfies(entry -> {
            assertThat(entry.isLifecycle()).isTrue();
            assertThat(entry.lifecycleEvent()).isEqualTo("missed");
        });
    }

    @Test
    void refusesWhatIsNotASmallJsonBatch() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        String tooMany = batch(IntStream.range(0, 1001)
                .mapToObj(i -> change(subscription.id(), subscription.clientState(), "m" + i))
                .toArray(String[]::new));

        assertThat(post("/webhooks/graph/notifications", "text/plain", "{}").statusCode())
                .isEqualTo(415);
        assertThat(post("/webhooks/graph/notifications", "application/json", "{not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/webhooks/graph/notifications", "application/json", "x".repeat(1_100_000))
                        .statusCode())
                .isEqualTo(413);
        assertThat(post("/webhooks/graph/notifications", "application/json", tooMany)
                        .statusCode())
                .isEqualTo(413);
        assertThat(claimAllFor(subscription.id())).isEmpty();
    }

    @Test
    void aClaimedEntryComesBackWhenItsLeaseEndsUntilItIsCompleted() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        post(
                "/webhooks/graph/notifications",
                "application/json",
                batch(change(subscription.id(), subscription.clientState(), "lease-test")));

        List<InboxEntry> first = claimFor(subscription.id(), Duration.ZERO);
        List<InboxEntry> second = claimFor(subscription.id(), Duration.ofMinutes(5));
        List<InboxEntry> third = claimFor(subscription.id(), Duration.ofMinutes(5));
        inbox.complete(second.stream().map(InboxEntry::id).toList());

        assertThat(first).hasSize(1);
        assertThat(second)
                .singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(2));
        assertThat(third).isEmpty();
    }

    private List<InboxEntry> claimAllFor(String subscriptionId) {
        List<InboxEntry> mine = claimFor(subscriptionId, Duration.ofMinutes(5));
        inbox.complete(mine.stream().map(InboxEntry::id).toList());
        return mine;
    }

    /** Claims everything due, keeps this subscription's entries claimed and releases the others'. */
    private List<InboxEntry> claimFor(String subscriptionId, Duration lease) {
        List<InboxEntry> claimed = inbox.claim(TestSubscriptions.OWNER, 10_000, lease);
        inbox.release(claimed.stream()
                .filter(entry -> !entry.subscriptionId().equals(subscriptionId))
                .map(InboxEntry::id)
                .toList());
        return claimed.stream()
                .filter(entry -> entry.subscriptionId().equals(subscriptionId))
                .toList();
    }

    private double counter(String outcome) {
        var counter = metrics.find("mailboard.webhooks.notifications")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        TestClient client = TestClient.anonymous(port);
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String ids(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::messageId).collect(Collectors.joining(","));
    }
}
