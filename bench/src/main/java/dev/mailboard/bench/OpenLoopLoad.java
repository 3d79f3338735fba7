package dev.mailboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: POSTs at a constant offered rate on a fixed schedule (request i is due at
 * start + i / rate), whatever the server does. Latency is measured from the intended send time, not from
 * when the request actually left, so a stalled server shows up as latency instead of silently lowering
 * the rate (no coordinated omission). In-flight requests are capped; when the cap is reached the sender
 * waits, and that wait counts as latency too. Each run is bounded in count (rate x duration) and in time
 * (the drain after the last send is at most {@link #DRAIN_LIMIT}).
 */
final class OpenLoopLoad {

    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final int maxInFlight;

    OpenLoopLoad(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** What one run measured; latencies in microseconds. */
    record Outcome(
            double offeredRate,
            long sent,
            long ok,
            long failed,
            long timedOut,
            double achievedRate,
            Histogram latencyMicros,
            long maxInFlightSeen) {

        double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }
    }

    /**
     * Runs one constant-rate phase.
     *
     * @param target the URL to POST to
     * @param rate requests per second offered
     * @param duration how long the schedule lasts
     * @param body the JSON body of request i
     * @param expectedStatus the status that counts as success
     */
    Outcome run(URI target, double rate, Duration duration, LongFunction<String> body, int expectedStatus) {
        long count = Math.round(rate * duration.toNanos() / 1e9);
        double periodNanos = 1e9 / rate;
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxSeen = new AtomicLong();
        Semaphore slots = new Semaphore(maxInFlight);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        lastCompletion.set(start);
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                if (error == null && response.statusCode() == expectedStatus) {
                    ok.incrementAndGet();
                    latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - intended), 60_000_000L));
                } else {
                    failed.incrementAndGet();
                }
                lastCompletion.accumulateAndGet(now, Math::max);
                inFlight.decrementAndGet();
                slots.release();
            });
        }
        boolean drained = false;
        try {
            drained = slots.tryAcquire(maxInFlight, DRAIN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drained) {
            slots.release(maxInFlight);
        }
        long timedOut = drained ? 0 : inFlight.get();
        double seconds = (lastCompletion.get() - start) / 1e9;
        double achieved = seconds <= 0 ? 0 : ok.get() / seconds;
        return new Outcome(rate, count, ok.get(), failed.get(), timedOut, achieved, latency.copy(), maxSeen.get());
    }
}
