package dev.mailboard.app.webhooks.web;

import dev.mailboard.app.webhooks.NotificationInbox;
import dev.mailboard.app.webhooks.ReceivedNotification;
import dev.mailboard.app.webhooks.WebhooksProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a POST of notifications and stores what passes, before the edge answers. */
@Component
class NotificationIntake {

    /** What the edge answers. */
    enum Result {
        ACCEPTED,
        BAD_REQUEST,
        TOO_MANY_ITEMS,
        UNAVAILABLE
    }

    private static final Logger security = LoggerFactory.getLogger("mailboard.security");
    private static final Set<String> LIFECYCLE_EVENTS =
            Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");

    private final NotificationInbox inbox;
    private final ClientStateCheck clientStates;
    private final ValidationTokenCheck validationTokens;
    private final EdgeState state;
    private final WebhooksProperties properties;
    private final JsonMapper json;
    private final MeterRegistry metrics;

    NotificationIntake(
            NotificationInbox inbox,
            ClientStateCheck clientStates,
            ValidationTokenCheck validationTokens,
            EdgeState state,
            WebhooksProperties properties,
            JsonMapper json,
            MeterRegistry metrics) {
        this.inbox = inbox;
        this.clientStates = clientStates;
        this.validationTokens = validationTokens;
        this.state = state;
        this.properties = properties;
        this.json = json;
        this.metrics = metrics;
        // Registered at zero so that a dashboard sees the series before the first forged notification.
        metrics.counter("mailboard.webhooks.notifications", "outcome", "client_state_mismatch");
    }

    Result accept(String body, boolean lifecycle) {
        if (!state.isAccepting() || state.isOverCapacity()) {
            return Result.UNAVAILABLE;
        }
        JsonNode items;
        JsonNode root;
        try {
            root = json.readTree(body);
            items = root.path("value");
        } catch (JacksonException e) {
            return Result.BAD_REQUEST;
        }
        if (!items.isArray()) {
            return Result.BAD_REQUEST;
        }
        if (items.size() > properties.maxBatchItems()) {
            return Result.TOO_MANY_ITEMS;
        }
        if (!tokensValid(root, items)) {
            count("invalid_validation_token", items.size());
            security.warn("Dropped a batch of {} notifications: its validationTokens failed the checks", items.size());
            return Result.ACCEPTED;
        }
        return store(checked(items, lifecycle));
    }

    private Result store(List<ReceivedNotification> accepted) {
        try {
            inbox.store(accepted);
        } catch (DataAccessException e) {
            security.error("Could not store {} notifications; Graph will retry: {}", accepted.size(), e.toString());
            return Result.UNAVAILABLE;
        }
        count("stored", accepted.size());
        return Result.ACCEPTED;
    }

    private boolean tokensValid(JsonNode root, JsonNode items) {
        JsonNode tokens = root.path("validationTokens");
        if (!tokens.isArray() || tokens.isEmpty()) {
            return true;
        }
        List<String> values = new ArrayList<>();
        tokens.forEach(token -> values.add(token.asString()));
        Set<String> tenants = new LinkedHashSet<>();
        items.forEach(item -> tenants.add(item.path("tenantId").asString("")));
        return validationTokens.allValid(values, tenants);
    }

    private List<ReceivedNotification> checked(JsonNode items, boolean lifecycle) {
        List<ReceivedNotification> accepted = new ArrayList<>();
        for (JsonNode item : items) {
            ReceivedNotification notification = lifecycle ? lifecycle(item) : change(item);
            if (notification == null) {
                count("malformed", 1);
                continue;
            }
            ClientStateCheck.Checked checked =
                    clientStates.check(notification.subscriptionId(), text(item, "clientState"));
            switch (checked.verdict()) {
                case VALID -> accepted.add(withOwner(notification, checked.owner()));
                case UNKNOWN_SUBSCRIPTION -> drop("unknown_subscription", notification.subscriptionId());
                case MISMATCH -> drop("client_state_mismatch", notification.subscriptionId());
            }
        }
        return accepted;
    }

    private static ReceivedNotification withOwner(ReceivedNotification n, String owner) {
        return new ReceivedNotification(n.subscriptionId(), n.changeType(), n.lifecycleEvent(), n.messageId(), owner);
    }

    private void drop(String reason, String subscriptionId) {
        count(reason, 1);
        security.warn("Dropped a notification for subscription {}: {}", subscriptionId, reason.replace('_', ' '));
    }

    private static @Nullable ReceivedNotification change(JsonNode item) {
        String subscriptionId = text(item, "subscriptionId");
        String changeType = text(item, "changeType");
        String messageId = text(item.path("resourceData"), "id");
        if (subscriptionId == null || changeType == null || messageId == null) {
            return null;
        }
        return new ReceivedNotification(subscriptionId, changeType, null, messageId, "");
    }

    private static @Nullable ReceivedNotification lifecycle(JsonNode item) {
        String subscriptionId = text(item, "subscriptionId");
        String event = text(item, "lifecycleEvent");
        if (subscriptionId == null || event == null || !LIFECYCLE_EVENTS.contains(event)) {
            return null;
        }
        return new ReceivedNotification(subscriptionId, null, event, null, "");
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private void count(String outcome, int amount) {
        metrics.counter("mailboard.webhooks.notifications", "outcome", outcome).increment(amount);
    }
}
