package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.faults.Faults;
import dev.mailboard.sandbox.store.MailChange;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.SubscriptionRecord;
import dev.mailboard.sandbox.store.SubscriptionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Turns message changes into notifications and queues them per endpoint, to be posted in batches. */
final class NotificationDispatcher {

    /** The queue of one endpoint (URL and kind); at most one worker drains it at a time. */
    private static final class Endpoint {
        final String url;
        final String kind;
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();

        Endpoint(String url, String kind) {
            this.url = url;
            this.kind = kind;
        }
    }

    private final ConcurrentMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final SubscriptionStore subscriptions;
    private final NotificationSender sender;
    private final Faults faults;
    private final SandboxJson json;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    NotificationDispatcher(
            SubscriptionStore subscriptions,
            MailStore mail,
            NotificationSender sender,
            Faults faults,
            SandboxJson json,
            SandboxClock clock,
            SandboxProperties properties) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.sender = sender;
        this.faults = faults;
        this.clock = clock;
        this.properties = properties;
        mail.onChange(this::onChange);
        sender.scheduler().scheduleWithFixedDelay(this::removeExpired, 30, 30, TimeUnit.SECONDS);
    }

    private void onChange(MailChange change) {
        var now = clock.now();
        for (var s : subscriptions.forUser(change.message().mailboxId())) {
            if (s.expirationDateTime().isAfter(now)
                    && (s.folderId() == null || Objects.equals(s.folderId(), change.folderId()))
                    && s.changeTypes().contains(change.kind().changeType())) {
                var audience = s.rich() == null ? null : s.appId();
                enqueue(s.notificationUrl(), "change", new Pending(s.id(), notification(s, change), audience));
            }
        }
    }

    boolean lifecycle(SubscriptionRecord s, String event) {
        var url = s.lifecycleNotificationUrl();
        if (url == null) {
            return false;
        }
        var item = new LinkedHashMap<String, Object>();
        item.put("subscriptionId", s.id());
        item.put("subscriptionExpirationDateTime", s.expirationDateTime().toString());
        item.put("tenantId", properties.tenantId());
        item.put("clientState", s.clientState());
        item.put("lifecycleEvent", event);
        enqueue(url, "lifecycle", new Pending(s.id(), item, null));
        return true;
    }

    private Map<String, Object> notification(SubscriptionRecord s, MailChange change) {
        var message = change.message();
        var id = s.immutableIds() ? message.immutableId() : change.restId();
        var resource = "Users/" + message.mailboxId() + "/Messages/" + id;
        var rich = s.rich();
        var data = new LinkedHashMap<String, Object>();
        data.put("@odata.type", rich == null ? "#Microsoft.Graph.Message" : "#microsoft.graph.message");
        data.put("@odata.id", resource);
        data.put("@odata.etag", "W/\"" + message.changeKey() + "\"");
        data.put("id", id);
        var item = new LinkedHashMap<String, Object>();
        item.put("subscriptionId", s.id());
        item.put("subscriptionExpirationDateTime", s.expirationDateTime().toString());
        item.put("changeType", change.kind().changeType());
        item.put("resource", resource);
        item.put("resourceData", data);
        item.put("clientState", s.clientState());
        item.put("tenantId", properties.tenantId());
        if (rich != null) {
            var payload = RichPayload.of(message, id, resource, rich.select());
            item.put(
                    "encryptedContent",
                    EncryptedContent.encrypt(
                            json.write(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8), rich));
        }
        return item;
    }

    private void enqueue(String url, String kind, Pending pending) {
        var endpoint = endpoints.computeIfAbsent(kind + " " + url, k -> new Endpoint(url, kind));
        endpoint.queue.add(pending);
        schedule(endpoint);
    }

    private void schedule(Endpoint endpoint) {
        if (endpoint.draining.compareAndSet(false, true)) {
            sender.workers().execute(() -> drain(endpoint));
        }
    }

    private void drain(Endpoint endpoint) {
        try {
            var batch = new java.util.ArrayList<Pending>();
            Pending next;
            while (batch.size() < properties.notificationBatchSize() && (next = endpoint.queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                var delivery = new Batch(endpoint.url, endpoint.kind, batch, clock.now(), 1);
                if (faults.roll(faults.settings().dropNotifications())) {
                    sender.dropped(delivery, "dropped");
                } else {
                    sender.send(delivery);
                    if (faults.roll(faults.settings().duplicateNotifications())) {
                        sender.send(delivery);
                    }
                }
            }
        } finally {
            endpoint.draining.set(false);
            if (!endpoint.queue.isEmpty()) {
                schedule(endpoint);
            }
        }
    }

    private void removeExpired() {
        var now = clock.now();
        subscriptions.all().stream()
                .filter(s -> !s.expirationDateTime().isAfter(now))
                .forEach(s -> subscriptions.remove(s.id()));
    }
}
