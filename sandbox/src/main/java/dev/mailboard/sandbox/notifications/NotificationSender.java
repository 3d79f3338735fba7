package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/** Posts notification batches over HTTP from a bounded worker pool, retrying failures with exponential backoff. */
final class NotificationSender implements DisposableBean {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final Duration SLOW_DELAY = Duration.ofSeconds(10);

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final EndpointHealth health;
    private final DeliveryLog log;
    private final SandboxJson json;
    private final ValidationTokens tokens;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    NotificationSender(
            DeliveryLog log,
            SandboxJson json,
            ValidationTokens tokens,
            SandboxClock clock,
            SandboxProperties properties) {
        this.workers = Executors.newFixedThreadPool(Math.max(1, properties.deliveryThreads()), named("sandbox-notify"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("sandbox-notify-retry"));
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.notificationTimeout())
                .executor(Executors.newCachedThreadPool(named("sandbox-http")))
                .build();
        this.health = new EndpointHealth(properties.notificationTimeout());
        this.log = log;
        this.json = json;
        this.tokens = tokens;
        this.clock = clock;
        this.properties = properties;
    }

    ExecutorService workers() {
        return workers;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    void send(Batch batch) {
        var state = health.state(batch.url(), clock.now());
        if (state == EndpointHealth.State.DROP && batch.attempt() == 1) {
            dropped(batch, "dropped");
        } else if (state == EndpointHealth.State.SLOW && batch.attempt() == 1) {
            later(batch.next(), SLOW_DELAY);
        } else {
            post(batch);
        }
    }

    void dropped(Batch batch, String outcome) {
        log.add(new Delivery(
                clock.now(),
                batch.kind(),
                batch.url(),
                batch.subscriptionIds(),
                batch.items().size(),
                batch.attempt(),
                0,
                0,
                outcome));
    }

    private void post(Batch batch) {
        var body = json.write(tokens.body(batch.items()));
        var request = HttpRequest.newBuilder(URI.create(batch.url()))
                .timeout(properties.notificationTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        int status = 0;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var took = Duration.ofNanos(System.nanoTime() - start);
        health.record(batch.url(), clock.now(), took);
        boolean delivered = status >= 200 && status < 300;
        var outcome = delivered ? "delivered" : retry(batch);
        log.add(new Delivery(
                clock.now(),
                batch.kind(),
                batch.url(),
                batch.subscriptionIds(),
                batch.items().size(),
                batch.attempt(),
                status,
                took.toMillis(),
                outcome));
    }

    private String retry(Batch batch) {
        var initial = properties.notificationRetryInitialDelay();
        var backoff = initial.multipliedBy(1L << Math.min(20, batch.attempt() - 1));
        var delay = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        var deadline = batch.firstAttempt().plus(properties.notificationRetryHorizon());
        if (clock.now().plus(delay).isAfter(deadline)) {
            return "gave-up";
        }
        later(batch.next(), delay);
        return "retrying";
    }

    private void later(Batch batch, Duration delay) {
        scheduler.schedule(() -> workers.execute(() -> post(batch)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
