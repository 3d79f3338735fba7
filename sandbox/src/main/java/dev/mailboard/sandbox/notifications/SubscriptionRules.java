package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
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

/** Checks the properties of a subscription request: change types, URLs and expiry. */
final class SubscriptionRules {

    private static final Duration MIN_LIFETIME = Duration.ofMinutes(45);
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

    private final SandboxClock clock;
    private final SandboxProperties properties;

    SubscriptionRules(SandboxClock clock, SandboxProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    List<String> changeTypes(@Nullable String raw) {
        var values = Arrays.stream(required(raw, "changeType").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (!CHANGE_TYPES.containsAll(values)) {
            throw SubscriptionException.invalid("Invalid changeType '" + raw + "'.");
        }
        return values;
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    String url(@Nullable String raw, String name) {
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

    /**
     * The expiry to keep: under 45 minutes is raised to 45; beyond the maximum (the rich maximum for subscriptions
     * with resource data) is refused.
     */
    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    Instant expiry(@Nullable String raw, boolean rich) {
        Instant requested;
        try {
            requested =
                    OffsetDateTime.parse(required(raw, "expirationDateTime")).toInstant();
        } catch (DateTimeParseException e) {
            throw SubscriptionException.invalid("expirationDateTime is not a valid date and time.");
        }
        var now = clock.now();
        long max = rich
                ? Math.min(properties.richSubscriptionMaxMinutes(), properties.subscriptionMaxMinutes())
                : properties.subscriptionMaxMinutes();
        if (requested.isAfter(now.plus(Duration.ofMinutes(max)))) {
            throw SubscriptionException.invalid("Subscription expiration can only be " + max + " minutes in the future"
                    + (rich ? " for a subscription with resource data." : "."));
        }
        var minimum = now.plus(MIN_LIFETIME);
        return requested.isBefore(minimum) ? minimum : requested;
    }

    static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw SubscriptionException.invalid("The property '" + name + "' is required.");
        }
        return value;
    }
}
