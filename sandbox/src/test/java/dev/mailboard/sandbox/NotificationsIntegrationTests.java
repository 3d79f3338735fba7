package dev.mailboard.sandbox;

import static dev.mailboard.sandbox.GraphMailIntegrationTests.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationsIntegrationTests extends SandboxIntegrationTest {

    private final NotificationReceiver receiver = new NotificationReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void handshakeThenNotificationsRetriesAndLifecycleEvents() {
        var address = uniqueAddress("watched");
        var userId = oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var created = subscribe(
                token,
                "me/mailFolders('Inbox')/messages",
                "created",
                receiver.url("/notify"),
                sandboxNow().plus(Duration.ofHours(2)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var subscription = created.json();
        var subscriptionId = subscription.path("id").asString();
        assertThat(subscription.path("clientState").asString()).isEqualTo("secret-state");
        assertThat(subscription.path("applicationId").asString()).isEqualTo(OAuthFlow.CLIENT_ID);
        assertThat(subscription.path("creatorId").asString()).isEqualTo(userId);

        var messageId = deliver(address, "Notify me");
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.batches().isEmpty());
        var item = receiver.batches().get(0).path("value").get(0);
        assertThat(item.path("subscriptionId").asString()).isEqualTo(subscriptionId);
        assertThat(item.path("changeType").asString()).isEqualTo("created");
        assertThat(item.path("clientState").asString()).isEqualTo("secret-state");
        assertThat(item.path("resource").asString()).isEqualTo("Users/" + userId + "/Messages/" + messageId);
        assertThat(item.path("resourceData").path("@odata.type").asString()).isEqualTo("#Microsoft.Graph.Message");
        assertThat(item.path("resourceData").path("id").asString()).isEqualTo(messageId);
        assertThat(item.path("resourceData").path("@odata.etag").asString()).startsWith("W/\"");

        receiver.failNext(1);
        deliver(address, "Retry me");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.batches().size() >= 2);
        assertThat(receiver.posts()).isGreaterThanOrEqualTo(3);
        var outcomes = http.get("/sandbox/deliveries").json().toString();
        assertThat(outcomes).contains("\"retrying\"", "\"status\":500");

        var lifecycle = http.post("/sandbox/subscriptions/" + subscriptionId + "/lifecycle", "{\"event\":\"missed\"}");
        assertThat(lifecycle.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> lifecycleEvents().contains("missed"));

        http.post("/sandbox/grants/revoke", SandboxHttp.json(Map.of("address", address)));
        await().atMost(Duration.ofSeconds(10)).until(() -> lifecycleEvents().contains("reauthorizationRequired"));
    }

    @Test
    void enforcesSubscriptionRules() {
        var address = uniqueAddress("rules");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var url = receiver.url("/n");
        var soon = subscribe(
                token, "/me/messages", "created,updated", url, sandboxNow().plusSeconds(60));
        assertThat(soon.status()).isEqualTo(201);
        var expiry = Instant.parse(soon.json().path("expirationDateTime").asString());
        assertThat(expiry).isAfter(sandboxNow().plus(Duration.ofMinutes(44)));

        assertGraphError(
                subscribe(
                        token,
                        "/me/messages",
                        "created,updated",
                        url,
                        sandboxNow().plusSeconds(3600)),
                409,
                "ExtensionError");
        assertGraphError(
                subscribe(
                        token,
                        "me/mailfolders('inbox')/messages",
                        "created",
                        url,
                        sandboxNow().plus(Duration.ofDays(8))),
                400,
                "InvalidRequest");
        var longState = http.post(
                "/sandbox/graph/v1.0/subscriptions",
                SandboxHttp.json(Map.of(
                        "changeType",
                        "created",
                        "notificationUrl",
                        url,
                        "resource",
                        "me/mailFolders/inbox/messages",
                        "expirationDateTime",
                        sandboxNow().plusSeconds(7200).toString(),
                        "clientState",
                        "x".repeat(129))),
                "Authorization",
                token);
        assertGraphError(longState, 400, "InvalidRequest");

        var id = soon.json().path("id").asString();
        assertThat(renewalsAtControlApi(id)).isZero();
        var renewed = http.send(
                "PATCH",
                "/sandbox/graph/v1.0/subscriptions/" + id,
                SandboxHttp.json(Map.of(
                        "expirationDateTime",
                        sandboxNow().plus(Duration.ofDays(2)).toString())),
                "Authorization",
                token);
        assertThat(renewed.status()).isEqualTo(200);
        var addLifecycle = http.send(
                "PATCH",
                "/sandbox/graph/v1.0/subscriptions/" + id,
                SandboxHttp.json(Map.of("lifecycleNotificationUrl", receiver.url("/other"))),
                "Authorization",
                token);
        assertGraphError(addLifecycle, 400, "InvalidRequest");
        assertThat(renewalsAtControlApi(id))
                .as("renewals counted, a refused PATCH not")
                .isEqualTo(1);
        assertThat(http.get("/sandbox/graph/v1.0/subscriptions", "Authorization", token)
                        .json()
                        .path("value")
                        .size())
                .isEqualTo(1);
        assertThat(http.send("DELETE", "/sandbox/graph/v1.0/subscriptions/" + id, null, "Authorization", token)
                        .status())
                .isEqualTo(204);
        assertGraphError(
                http.get("/sandbox/graph/v1.0/subscriptions/" + id, "Authorization", token), 404, "ResourceNotFound");
    }

    @Test
    void failedValidationRefusesTheSubscription() {
        var address = uniqueAddress("novalid");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        receiver.refuseValidation();
        var answer = subscribe(
                token,
                "me/mailFolders('Inbox')/messages",
                "created",
                receiver.url("/n"),
                sandboxNow().plusSeconds(7200));
        assertGraphError(answer, 400, "ValidationError");
        assertGraphError(
                subscribe(
                        token,
                        "me/messages",
                        "created",
                        "http://example.com/n",
                        sandboxNow().plusSeconds(7200)),
                400,
                "InvalidRequest");
    }

    private SandboxHttp.Answer subscribe(String token, String resource, String changeType, String url, Instant expiry) {
        return http.post(
                "/sandbox/graph/v1.0/subscriptions",
                SandboxHttp.json(Map.of(
                        "changeType",
                        changeType,
                        "notificationUrl",
                        url,
                        "lifecycleNotificationUrl",
                        url,
                        "resource",
                        resource,
                        "expirationDateTime",
                        expiry.toString(),
                        "clientState",
                        "secret-state")),
                "Authorization",
                token,
                "Prefer",
                "IdType=\"ImmutableId\"");
    }

    private int renewalsAtControlApi(String id) {
        for (var subscription : http.get("/sandbox/subscriptions").json()) {
            if (subscription.path("id").asString().equals(id)) {
                return subscription.path("renewals").asInt();
            }
        }
        throw new AssertionError("subscription " + id + " is not in the control API's list");
    }

    private List<String> lifecycleEvents() {
        var events = new ArrayList<String>();
        for (JsonNode batch : receiver.batches()) {
            batch.path("value").forEach(v -> events.add(v.path("lifecycleEvent").asString("")));
        }
        return events;
    }
}
