package dev.mailboard.sandbox.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Graph's slow and drop states per notification URL: over a 10-minute window, more than 10% of answers slower than
 * the threshold makes an endpoint slow (new notifications wait 10 s); more than 15% makes it drop them.
 */
final class EndpointHealth {

    enum State {
        NORMAL,
        SLOW,
        DROP
    }

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MIN_SAMPLES = 10;

    private final ConcurrentMap<String, Deque<long[]>> samples = new ConcurrentHashMap<>();
    private final Duration slowThreshold;

    EndpointHealth(Duration slowThreshold) {
        this.slowThreshold = slowThreshold;
    }

    void record(String url, Instant at, Duration took) {
        var deque = samples.computeIfAbsent(url, k -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addLast(new long[] {at.toEpochMilli(), took.compareTo(slowThreshold) >= 0 ? 1 : 0});
            trim(deque, at);
        }
    }

    State state(String url, Instant now) {
        var deque = samples.get(url);
        if (deque == null) {
            return State.NORMAL;
        }
        synchronized (deque) {
            trim(deque, now);
            if (deque.size() < MIN_SAMPLES) {
                return State.NORMAL;
            }
            long slow = deque.stream().filter(s -> s[1] == 1).count();
            double share = (double) slow / deque.size();
            return share > 0.15 ? State.DROP : share > 0.10 ? State.SLOW : State.NORMAL;
        }
    }

    private static void trim(Deque<long[]> deque, Instant now) {
        long cutoff = now.minus(WINDOW).toEpochMilli();
        while (!deque.isEmpty() && deque.peekFirst()[0] < cutoff) {
            deque.pollFirst();
        }
    }
}
