package dev.mailboard.app.mail.graph;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps each mailbox within Outlook's limits (S-68): at most {@code maxConcurrent} requests in flight (a
 * fair semaphore with a bounded wait) and at most {@code budget} requests per sliding window. A mailbox
 * that is busy, over budget or throttled by Graph fails fast with {@link GraphException.Kind#THROTTLED};
 * other mailboxes have lanes of their own and are not held up (S-69).
 */
final class MailboxLimiter {

    /** A taken slot; closing it frees the slot. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int maxConcurrent;
    private final Duration slotWait;
    private final int budget;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    MailboxLimiter(int maxConcurrent, Duration slotWait, int budget, Duration window, Clock clock) {
        this.maxConcurrent = maxConcurrent;
        this.slotWait = slotWait;
        this.budget = budget;
        this.window = window;
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.millis() + window.toMillis());
    }

    /**
     * Takes slots for {@code requests} requests to one mailbox (a batch counts each inner request against
     * the budget and takes up to all slots, since Graph runs up to 4 of its inner requests at once).
     */
    Permit acquire(String mailbox, int requests) {
        sweepIdleLanes();
        while (true) {
            Lane lane = lanes.computeIfAbsent(mailbox, k -> new Lane(maxConcurrent, window));
            long now = clock.millis();
            long throttledFor = lane.throttledUntil.get() - now;
            if (throttledFor > 0) {
                throw throttled("GraphThrottledMailbox", Duration.ofMillis(throttledFor));
            }
            int slots = Math.min(Math.max(requests, 1), maxConcurrent);
            takeSlots(lane, slots);
            if (lanes.get(mailbox) != lane) {
                lane.slots.release(slots);
                continue;
            }
            long overBudgetFor = lane.budget.count(Math.max(requests, 1), budget, clock.millis());
            if (overBudgetFor > 0) {
                lane.slots.release(slots);
                throw throttled("ClientRequestBudget", Duration.ofMillis(overBudgetFor));
            }
            lane.enter(slots);
            return () -> lane.leave(slots, clock.millis());
        }
    }

    /** Remembers that Graph throttled this mailbox: its calls fail fast until then, as Graph still counts them. */
    void throttledBy(String mailbox, Duration retryAfter) {
        Lane lane = lanes.computeIfAbsent(mailbox, k -> new Lane(maxConcurrent, window));
        long until = clock.millis() + retryAfter.toMillis();
        lane.throttledUntil.accumulateAndGet(until, Math::max);
    }

    /** Requests in flight for a mailbox now. */
    int inFlight(String mailbox) {
        Lane lane = lanes.get(mailbox);
        return lane == null ? 0 : lane.inFlight.get();
    }

    /** The most requests ever in flight at once for a mailbox (while its lane is kept). */
    int peakInFlight(String mailbox) {
        Lane lane = lanes.get(mailbox);
        return lane == null ? 0 : lane.peak.get();
    }

    private void takeSlots(Lane lane, int slots) {
        try {
            if (!lane.slots.tryAcquire(slots, slotWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw throttled("ClientMailboxBusy", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(
                    GraphException.Kind.TRANSIENT, "Interrupted", "interrupted while waiting for a slot", e);
        }
    }

    /** Drops lanes idle for a whole window, so that memory follows active mailboxes only. */
    private void sweepIdleLanes() {
        long now = clock.millis();
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + window.toMillis())) {
            return;
        }
        lanes.forEach((key, lane) -> {
            if (lane.isIdleSince(now - window.toMillis())) {
                lanes.remove(key, lane);
            }
        });
    }

    private static GraphException throttled(String code, Duration retryAfter) {
        return new GraphException(
                GraphException.Kind.THROTTLED,
                0,
                code,
                "mailbox held back by the client-side limiter (" + code + ")",
                retryAfter);
    }

    private static final class Lane {
        final Semaphore slots;
        final SlidingCount budget;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicLong throttledUntil = new AtomicLong();
        final AtomicLong lastUsed = new AtomicLong();

        Lane(int maxConcurrent, Duration window) {
            this.slots = new Semaphore(maxConcurrent, true);
            this.budget = new SlidingCount(window);
        }

        void enter(int slots) {
            int now = inFlight.addAndGet(slots);
            peak.accumulateAndGet(now, Math::max);
        }

        void leave(int taken, long now) {
            inFlight.addAndGet(-taken);
            lastUsed.set(now);
            slots.release(taken);
        }

        boolean isIdleSince(long cutoff) {
            return inFlight.get() == 0 && lastUsed.get() < cutoff && throttledUntil.get() < cutoff;
        }
    }
}
