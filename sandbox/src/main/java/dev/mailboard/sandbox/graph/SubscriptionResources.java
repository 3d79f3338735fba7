package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.notifications.SubscriptionException;
import dev.mailboard.sandbox.notifications.Subscriptions;
import dev.mailboard.sandbox.store.SubscriptionRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code /subscriptions}: create (201), list and get (200), PATCH (200), DELETE (204) and reauthorize. */
final class SubscriptionResources {

    private final Subscriptions subscriptions;
    private final SandboxJson json;

    SubscriptionResources(Subscriptions subscriptions, SandboxJson json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    GraphResponse handle(GraphRequest r, Caller caller) {
        try {
            var id = r.segment(1);
            if (id.isEmpty()) {
                return r.method().equals("POST") ? create(r, caller) : list(r, caller);
            }
            var subscription = subscriptions
                    .find(id)
                    .filter(s -> s.appId().equals(caller.appId()) && s.userId().equals(caller.userId()))
                    .orElseThrow(() -> new GraphException(404, "ResourceNotFound", "The object was not found."));
            if (r.is(2, "reauthorize") && r.method().equals("POST")) {
                return GraphResponse.empty(200);
            }
            switch (r.method()) {
                case "GET":
                    return one(r, subscription, 200);
                case "PATCH":
                    var body = json.read(r.body());
                    var updated = subscriptions.update(
                            subscription,
                            new Subscriptions.Update(
                                    text(body, "expirationDateTime"),
                                    text(body, "notificationUrl"),
                                    body.has("lifecycleNotificationUrl")
                                            && !body.path("lifecycleNotificationUrl")
                                                    .asString("")
                                                    .equals(String.valueOf(subscription.lifecycleNotificationUrl())),
                                    text(body, "encryptionCertificate"),
                                    text(body, "encryptionCertificateId")));
                    return one(r, updated, 200);
                case "DELETE":
                    subscriptions.delete(subscription.id());
                    return GraphResponse.empty(204);
                default:
                    throw new GraphException(405, "ErrorInvalidRequest", "Method not allowed.");
            }
        } catch (SubscriptionException e) {
            throw new GraphException(e.status(), e.code(), String.valueOf(e.getMessage()));
        }
    }

    private GraphResponse create(GraphRequest r, Caller caller) {
        if (!caller.hasAny("Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")) {
            throw new GraphException(
                    403,
                    "ExtensionError",
                    "Operation: Create; Exception: [Status Code: Forbidden;"
                            + " Reason: The app lacks Mail.ReadBasic or Mail.Read.]");
        }
        var b = json.read(r.body());
        var request = new Subscriptions.Request(
                text(b, "changeType"),
                text(b, "notificationUrl"),
                text(b, "lifecycleNotificationUrl"),
                text(b, "resource"),
                text(b, "expirationDateTime"),
                text(b, "clientState"),
                b.path("includeResourceData").asBoolean(false),
                text(b, "encryptionCertificate"),
                text(b, "encryptionCertificateId"),
                text(b, "latestSupportedTlsVersion"));
        var created = subscriptions.create(caller.appId(), caller.userId(), request, r.immutableIds());
        return one(r, created, 201);
    }

    private GraphResponse list(GraphRequest r, Caller caller) {
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#subscriptions");
        body.put(
                "value",
                subscriptions.list(caller.appId(), caller.userId()).stream()
                        .map(s -> render(s))
                        .toList());
        return GraphResponse.json(200, json.write(body));
    }

    private GraphResponse one(GraphRequest r, SubscriptionRecord s, int status) {
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#subscriptions/$entity");
        body.putAll(render(s));
        return GraphResponse.json(status, json.write(body));
    }

    static Map<String, Object> render(SubscriptionRecord s) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", s.id());
        out.put("resource", s.resource());
        out.put("applicationId", s.appId());
        out.put("changeType", String.join(",", s.changeTypes()));
        out.put("clientState", s.clientState());
        out.put("notificationUrl", s.notificationUrl());
        out.put("notificationQueryOptions", null);
        out.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl());
        out.put("expirationDateTime", s.expirationDateTime().toString());
        out.put("creatorId", s.userId());
        var rich = s.rich();
        out.put("includeResourceData", rich != null);
        out.put("latestSupportedTlsVersion", s.latestSupportedTlsVersion());
        out.put("encryptionCertificate", rich == null ? null : rich.certificate());
        out.put("encryptionCertificateId", rich == null ? null : rich.certificateId());
        out.put("notificationUrlAppId", null);
        out.put("notificationContentType", null);
        return out;
    }

    private static @Nullable String text(JsonNode body, String field) {
        var node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString("");
    }
}
