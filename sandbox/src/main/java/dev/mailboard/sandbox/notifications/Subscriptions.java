package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.SubscriptionRecord;
import dev.mailboard.sandbox.store.SubscriptionStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Creates, renews and removes subscriptions under Graph's rules for Outlook messages. */
public final class Subscriptions {

    private static final int MAX_PER_MAILBOX = 1000;
    private static final Duration MIN_LIFETIME = Duration.ofMinutes(45);
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

    private final SubscriptionStore store;
    private final Mailboxes mailboxes;
    private final EndpointValidator validator;
    private final NotificationDispatcher dispatcher;
    private final SandboxClock clock;
    private final SandboxProperties properties;

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
        this.properties = properties;
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
            @Nullable String latestSupportedTlsVersion) {}

    /** Creates a subscription after the validation handshake with its URLs. */
    public SubscriptionRecord create(String appId, String userId, Request request, boolean immutableIds) {
        var changeTypes = changeTypes(request.changeType());
        var url = url(request.notificationUrl(), "notificationUrl");
        var lifecycleUrl = request.lifecycleNotificationUrl() == null
                ? null
                : url(request.lifecycleNotificationUrl(), "lifecycleNotificationUrl");
        var resource = required(request.resource(), "resource");
        var clientState = request.clientState();
        if (clientState != null && clientState.length() > 128) {
            throw SubscriptionException.invalid("clientState cannot be longer than 128 characters.");
        }
        if (request.includeResourceData()) {
            throw SubscriptionException.invalid(
                    "includeResourceData (rich notifications) is not supported by the" + " sandbox.");
        }
        var expiry = expiry(request.expirationDateTime());
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
                clock.now());
        store.put(record);
        return record;
    }

    /** Renews or re-points a subscription (PATCH). */
    public SubscriptionRecord update(
            SubscriptionRecord current, @Nullable String expiration, @Nullable String url, boolean addsLifecycleUrl) {
        if (addsLifecycleUrl) {
            throw SubscriptionException.invalid(
                    "lifecycleNotificationUrl can only be set when the subscription is" + " created.");
        }
        var expiry = expiration == null ? current.expirationDateTime() : expiry(expiration);
        var target = current.notificationUrl();
        if (url != null && !url.equals(target)) {
            target = url(url, "notificationUrl");
            validator.validate(target, current.id());
        }
        var renewed = current.renewed(expiry, target);
        store.put(renewed);
        return renewed;
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

    private List<String> changeTypes(@Nullable String raw) {
        var values = Arrays.stream(required(raw, "changeType").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (!CHANGE_TYPES.containsAll(values)) {
            throw SubscriptionException.invalid("Invalid changeType '" + raw + "'.");
        }
        return values;
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private String url(@Nullable String raw, String name) {
        var value = required(raw, name);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw SubscriptionException.invalid(name + " is not a valid URL.");
        }
        var host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        boolean ok = "https".equals(uri.getScheme())
                || "http".equals(uri.getScheme()) && !properties.requireHttpsNotificationUrl() && loopback;
        if (!ok) {
            throw SubscriptionException.invalid(
                    "The " + name + " must use https (plain http is accepted for" + " loopback addresses only).");
        }
        return value;
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private Instant expiry(@Nullable String raw) {
        Instant requested;
        try {
            requested =
                    OffsetDateTime.parse(required(raw, "expirationDateTime")).toInstant();
        } catch (DateTimeParseException e) {
            throw SubscriptionException.invalid("expirationDateTime is not a valid date and time.");
        }
        var now = clock.now();
        if (requested.isAfter(now.plus(Duration.ofMinutes(properties.subscriptionMaxMinutes())))) {
            throw SubscriptionException.invalid("Subscription expiration can only be "
                    + properties.subscriptionMaxMinutes() + " minutes in the future.");
        }
        var minimum = now.plus(MIN_LIFETIME);
        return requested.isBefore(minimum) ? minimum : requested;
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw SubscriptionException.invalid("The property '" + name + "' is required.");
        }
        return value;
    }
}
