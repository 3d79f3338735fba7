package dev.mailboard.app.mail.graph;

import java.time.Duration;

/**
 * Requests counted in time buckets over a sliding window. A bucket is counted whole while any part of it
 * is inside the window, so the count never falls below Graph's own.
 */
final class SlidingCount {

    private static final int BUCKETS = 20;

    private final long windowMillis;
    private final long bucketMillis;
    // one slot more than the window holds, so that a bucket is reused only after it left the window
    private final long[] starts = new long[BUCKETS + 1];
    private final int[] counts = new int[BUCKETS + 1];

    SlidingCount(Duration window) {
        this.windowMillis = window.toMillis();
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
    }

    /**
     * Counts {@code n} requests if the window has room for them.
     *
     * @return 0 if counted, else how many milliseconds until enough room frees up
     */
    synchronized long count(int n, int limit, long nowMillis) {
        long total = 0;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < starts.length; i++) {
            if (counts[i] > 0 && nowMillis - starts[i] < windowMillis + bucketMillis) {
                total += counts[i];
                oldest = Math.min(oldest, starts[i]);
            }
        }
        if (total + n > limit) {
            return Math.max(1, oldest + windowMillis + bucketMillis - nowMillis);
        }
        long start = nowMillis - Math.floorMod(nowMillis, bucketMillis);
        int index = (int) Math.floorMod(start / bucketMillis, (long) starts.length);
        if (starts[index] != start) {
            starts[index] = start;
            counts[index] = 0;
        }
        counts[index] += n;
        return 0;
    }
}
