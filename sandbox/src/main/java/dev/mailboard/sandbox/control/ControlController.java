package dev.mailboard.sandbox.control;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.faults.FaultSettings;
import dev.mailboard.sandbox.faults.Faults;
import dev.mailboard.sandbox.identity.AppRegistry;
import dev.mailboard.sandbox.identity.Grants;
import dev.mailboard.sandbox.notifications.DeliveryLog;
import dev.mailboard.sandbox.notifications.SubscriptionException;
import dev.mailboard.sandbox.notifications.Subscriptions;
import dev.mailboard.sandbox.store.Mailboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Control API for apps, grants, subscriptions, faults, the clock and the delivery log. */
@RestController
final class ControlController {

    private final AppRegistry apps;
    private final Grants grants;
    private final Mailboxes mailboxes;
    private final Subscriptions subscriptions;
    private final Faults faults;
    private final DeliveryLog deliveries;
    private final SandboxClock clock;
    private final SandboxJson json;
    private final ControlResponses responses;

    ControlController(
            AppRegistry apps,
            Grants grants,
            Mailboxes mailboxes,
            Subscriptions subscriptions,
            Faults faults,
            DeliveryLog deliveries,
            SandboxClock clock,
            SandboxJson json) {
        this.apps = apps;
        this.grants = grants;
        this.mailboxes = mailboxes;
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.deliveries = deliveries;
        this.clock = clock;
        this.json = json;
        this.responses = new ControlResponses(json);
    }

    @PostMapping("/sandbox/apps")
    ResponseEntity<String> register(@RequestBody String body) {
        var node = json.read(body);
        var clientId = node.path("clientId").asString("");
        var secret = node.path("clientSecret").asString("");
        if (clientId.isBlank() || secret.isBlank()) {
            throw new ControlException(400, "'clientId' and 'clientSecret' are required");
        }
        var redirects = new ArrayList<String>();
        node.path("redirectUris").forEach(u -> redirects.add(u.asString("")));
        apps.register(clientId, secret, node.path("displayName").asString(clientId), redirects);
        return responses.json(201, Map.of("clientId", clientId, "redirectUris", redirects));
    }

    @PostMapping("/sandbox/grants/revoke")
    ResponseEntity<String> revoke(@RequestBody String body) {
        var address = json.read(body).path("address").asString("");
        var user = mailboxes.find(address).orElseThrow(() -> new ControlException(404, "no mailbox " + address));
        grants.revokeAll(user.id());
        // As at Microsoft, the user's subscriptions hear about it through a lifecycle event.
        var notified = subscriptions.all().stream()
                .filter(s -> s.userId().equals(user.id()))
                .filter(s -> subscriptions.lifecycle(s.id(), "reauthorizationRequired"))
                .count();
        return responses.json(
                200,
                Map.of(
                        "address",
                        user.address(),
                        "revokedAt",
                        clock.now().toString(),
                        "reauthorizationRequiredSent",
                        notified));
    }

    @GetMapping("/sandbox/subscriptions")
    ResponseEntity<String> subscriptions() {
        return responses.json(
                200,
                subscriptions.all().stream()
                        .map(s -> {
                            var out = new LinkedHashMap<String, Object>();
                            out.put("id", s.id());
                            out.put("applicationId", s.appId());
                            out.put("userId", s.userId());
                            out.put("resource", s.resource());
                            out.put("changeType", String.join(",", s.changeTypes()));
                            out.put("notificationUrl", s.notificationUrl());
                            out.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl());
                            out.put("expirationDateTime", s.expirationDateTime().toString());
                            out.put("expired", !s.expirationDateTime().isAfter(clock.now()));
                            out.put("immutableIds", s.immutableIds());
                            out.put("renewals", subscriptions.renewals(s.id()));
                            return out;
                        })
                        .toList());
    }

    @PostMapping("/sandbox/subscriptions/{id}/lifecycle")
    ResponseEntity<String> lifecycle(@PathVariable String id, @RequestBody String body) {
        var event = json.read(body).path("event").asString("");
        try {
            boolean sent = subscriptions.lifecycle(id, event);
            return responses.json(202, Map.of("subscriptionId", id, "event", event, "sent", sent));
        } catch (SubscriptionException e) {
            throw new ControlException(e.status(), String.valueOf(e.getMessage()));
        }
    }

    @GetMapping("/sandbox/faults")
    ResponseEntity<String> faults() {
        return responses.json(200, faults.settings());
    }

    @PutMapping("/sandbox/faults")
    ResponseEntity<String> setFaults(@RequestBody String body) {
        var n = json.read(body);
        var none = FaultSettings.NONE;
        faults.set(new FaultSettings(
                n.path("latencyMs").asLong(none.latencyMs()),
                n.path("latencyJitterMs").asLong(none.latencyJitterMs()),
                rate(n, "rate429"),
                rate(n, "rate503"),
                rate(n, "rate504"),
                rate(n, "dropNotifications"),
                rate(n, "duplicateNotifications"),
                rate(n, "delta410"),
                n.path("retryAfterSeconds").asDouble(none.retryAfterSeconds()),
                n.path("seed").asLong(none.seed()),
                rate(n, "validationTokenWrongKey"),
                rate(n, "validationTokenWrongAppId")));
        return responses.json(200, faults.settings());
    }

    @DeleteMapping("/sandbox/faults")
    ResponseEntity<String> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sandbox/clock/advance")
    ResponseEntity<String> advance(@RequestBody String body) {
        var seconds = json.read(body).path("seconds").asDouble(0);
        if (seconds < 0) {
            throw new ControlException(400, "the clock only moves forward");
        }
        clock.advance(Duration.ofMillis((long) (seconds * 1000)));
        return responses.json(
                200,
                Map.of(
                        "now",
                        clock.now().toString(),
                        "offsetSeconds",
                        clock.offset().toMillis() / 1000.0));
    }

    @GetMapping("/sandbox/deliveries")
    ResponseEntity<String> deliveries() {
        return responses.json(200, deliveries.recent());
    }

    @ExceptionHandler(ControlException.class)
    ResponseEntity<String> failed(ControlException e) {
        return responses.error(e);
    }

    private static double rate(JsonNode node, String field) {
        var value = node.path(field);
        if (value.isBoolean()) {
            return value.asBoolean() ? 1.0 : 0.0;
        }
        double rate = value.asDouble(0);
        if (rate < 0 || rate > 1) {
            throw new ControlException(400, field + " must be between 0 and 1");
        }
        return rate;
    }
}
