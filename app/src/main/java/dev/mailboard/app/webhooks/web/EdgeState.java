package dev.mailboard.app.webhooks.web;

import dev.mailboard.app.webhooks.InboxBacklog;
import dev.mailboard.app.webhooks.NotificationInbox;
import dev.mailboard.app.webhooks.WebhooksProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the edge accepts notifications: not once shutdown has begun (S-74), and not while the inbox
 * backlog is over capacity (S-28). The backlog is counted in the background, never per request.
 */
@Component
class EdgeState implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EdgeState.class);

    private final NotificationInbox inbox;
    private final WebhooksProperties properties;
    private final Clock clock;
    private volatile InboxBacklog backlog = new InboxBacklog(0, null);
    private volatile boolean accepting;
    private @Nullable ScheduledExecutorService counter;

    EdgeState(NotificationInbox inbox, WebhooksProperties properties, Clock clock, MeterRegistry registry) {
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("mailboard.webhooks.inbox.backlog", this, state -> state.backlog.pending())
                .description("Acknowledged notifications not yet processed")
                .register(registry);
        Gauge.builder("mailboard.webhooks.inbox.oldest.age", this, EdgeState::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest acknowledged notification not yet processed")
                .register(registry);
    }

    boolean isAccepting() {
        return accepting;
    }

    boolean isOverCapacity() {
        return backlog.pending() > properties.backlogCapacity();
    }

    @Override
    public void start() {
        refresh();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-backlog");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.backlogCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        counter = executor;
        accepting = true;
    }

    @Override
    public void stop() {
        accepting = false;
        if (counter != null) {
            counter.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    /** Stops accepting before the web server begins its graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private void refresh() {
        try {
            backlog = inbox.backlog();
        } catch (RuntimeException e) {
            log.warn("Could not count the notification backlog: {}", e.toString());
        }
    }

    private double oldestAgeSeconds() {
        InboxBacklog current = backlog;
        if (current.oldestReceivedAt() == null) {
            return 0;
        }
        return Duration.between(current.oldestReceivedAt(), clock.instant()).toMillis() / 1000.0;
    }
}
