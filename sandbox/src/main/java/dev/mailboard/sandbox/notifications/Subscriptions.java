package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.SubscriptionRecord;
import dev.mailboard.sandbox.store.SubscriptionStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Creates, renews and removes subscriptions under Graph's rules for Outlook messages. */
public final class Subscriptions {

    private static final int MAX_PER_MAILBOX = 1000;

    private final SubscriptionStore store;
    private final Mailboxes mailboxes;
    private final EndpointValidator validator;
    private final NotificationDispatcher dispatcher;
    private final SandboxClock clock;
    private final SubscriptionRules rules;
    private final ConcurrentMap<String, AtomicInteger> renewals = new ConcurrentHashMap<>();

    Subscriptions(
            SubscriptionStore store,
            Mailboxes mailboxes,
            EndpointValidator validator,
            NotificationDispatcher dispatcher,
            SandboxClock clock,
            SandboxProperties properties) {
        this.store = store;
        this.mailboxes = mailboxes;
        this.validator = validator;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.rules = new SubscriptionRules(clock, properties);
    }

    /** What a create request asks for. */
    public record Request(
            @Nullable String changeType,
            @Nullable String notificationUrl,
            @Nullable String lifecycleNotificationUrl,
            @Nullable String resource,
            @Nullable String expirationDateTime,
            @Nullable String clientState,
            boolean includeResourceData,
            @Nullable String encryptionCertificate,
            @Nullable String encryptionCertificateId,
            @Nullable String latestSupportedTlsVersion) {}

    /** Creates a subscription after the validation handshake with its URLs. */
    public SubscriptionRecord create(String appId, String userId, Request request, boolean immutableIds) {
        var changeTypes = rules.changeTypes(request.changeType());
        var url = rules.url(request.notificationUrl(), "notificationUrl");
        var lifecycleUrl = request.lifecycleNotificationUrl() == null
                ? null
                : rules.url(request.lifecycleNotificationUrl(), "lifecycleNotificationUrl");
        var resource = SubscriptionRules.required(request.resource(), "resource");
        var clientState = request.clientState();
        if (clientState != null && clientState.length() > 128) {
            throw SubscriptionException.invalid("clientState cannot be longer than 128 characters.");
        }
        var rich = request.includeResourceData()
                ? RichSubscriptionRules.settings(
                        request.encryptionCertificate(), request.encryptionCertificateId(), resource)
                : null;
        var expiry = rules.expiry(request.expirationDateTime(), rich != null);
        var target = SubscriptionResource.parse(resource, userId, mailboxes);
        var existing = store.forUser(target.mailbox().id());
        if (existing.size() >= MAX_PER_MAILBOX) {
            throw new SubscriptionException(
                    403,
                    "ExtensionError",
                    "Operation: Create; Exception: [Status Code:"
                            + " Forbidden; Reason: Number of subscriptions exceeded the limit of 1000 for the mailbox.]");
        }
        for (var other : existing) {
            if (other.appId().equals(appId)
                    && java.util.Objects.equals(other.folderId(), target.folderId())
                    && Set.copyOf(other.changeTypes()).equals(Set.copyOf(changeTypes))) {
                throw new SubscriptionException(
                        409,
                        "ExtensionError",
                        "Subscription Id " + other.id() + " already exists for the requested combination");
            }
        }
        var id = Ids.guid();
        validator.validate(url, id);
        if (lifecycleUrl != null) {
            validator.validate(lifecycleUrl, id);
        }
        var tls = request.latestSupportedTlsVersion() == null ? "v1_2" : request.latestSupportedTlsVersion();
        var record = new SubscriptionRecord(
                id,
                appId,
                target.mailbox().id(),
                resource,
                target.folderId(),
                changeTypes,
                url,
                lifecycleUrl,
                clientState,
                expiry,
                immutableIds,
                tls,
                clock.now(),
                rich);
        store.put(record);
        return record;
    }

    /** What a PATCH asks to change; {@code null} keeps the current value. */
    public record Update(
            @Nullable String expirationDateTime,
            @Nullable String notificationUrl,
            boolean addsLifecycleUrl,
            @Nullable String encryptionCertificate,
            @Nullable String encryptionCertificateId) {}

    /** Renews, re-points or rotates the certificate of a subscription (PATCH). */
    public SubscriptionRecord update(SubscriptionRecord current, Update change) {
        if (change.addsLifecycleUrl()) {
            throw SubscriptionException.invalid(
                    "lifecycleNotificationUrl can only be set when the subscription is" + " created.");
        }
        var rich = current.rich();
        if (change.encryptionCertificate() != null || change.encryptionCertificateId() != null) {
            if (rich == null) {
                throw SubscriptionException.invalid(
                        "An encryption certificate applies only to a subscription with includeResourceData.");
            }
            var certificate =
                    change.encryptionCertificate() == null ? rich.certificate() : change.encryptionCertificate();
            var certificateId =
                    change.encryptionCertificateId() == null ? rich.certificateId() : change.encryptionCertificateId();
            var checked = RichSubscriptionRules.certificate(certificate, certificateId);
            rich = rich.withCertificate(checked.certificate(), checked.certificateId(), checked.thumbprint());
        }
        var expiry = change.expirationDateTime() == null
                ? current.expirationDateTime()
                : rules.expiry(change.expirationDateTime(), rich != null);
        var target = current.notificationUrl();
        var url = change.notificationUrl();
        if (url != null && !url.equals(target)) {
            target = rules.url(url, "notificationUrl");
            validator.validate(target, current.id());
        }
        var renewed = current.renewed(expiry, target, rich);
        store.put(renewed);
        if (change.expirationDateTime() != null) {
            renewals.computeIfAbsent(current.id(), k -> new AtomicInteger()).incrementAndGet();
        }
        return renewed;
    }

    /** How many PATCH requests with an expirationDateTime this subscription had since the sandbox started. */
    public int renewals(String id) {
        var count = renewals.get(id);
        return count == null ? 0 : count.get();
    }

    /** The subscription, if it exists and has not expired. */
    public java.util.Optional<SubscriptionRecord> find(String id) {
        return store.find(id).filter(s -> s.expirationDateTime().isAfter(clock.now()));
    }

    /** The live subscriptions an app holds on a mailbox. */
    public List<SubscriptionRecord> list(String appId, String userId) {
        return store.forUser(userId).stream()
                .filter(s -> s.appId().equals(appId) && s.expirationDateTime().isAfter(clock.now()))
                .toList();
    }

    /** Every subscription, expired ones included. */
    public List<SubscriptionRecord> all() {
        return store.all();
    }

    /** Deletes a subscription. */
    public void delete(String id) {
        store.remove(id);
    }

    /** Sends a lifecycle event; {@code subscriptionRemoved} also removes the subscription. */
    public boolean lifecycle(String id, String event) {
        if (!Set.of("reauthorizationRequired", "subscriptionRemoved", "missed").contains(event)) {
            throw SubscriptionException.invalid("Unknown lifecycle event '" + event + "'.");
        }
        var subscription = store.find(id)
                .orElseThrow(() ->
                        new SubscriptionException(404, "ResourceNotFound", "Subscription '" + id + "' was not found."));
        if ("subscriptionRemoved".equals(event)) {
            store.remove(id);
        }
        return dispatcher.lifecycle(subscription, event);
    }
}
