package dev.mailboard.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * An open-loop load generator: POSTs at a constant offered rate on a fixed schedule (request i is due at
 * start + i / rate), whatever the server does. Latency is measured from the intended send time, not from
 * when the request actually left, so a stalled server shows up as latency instead of silently lowering
 * the rate (no coordinated omission).
 *
 * <p>It speaks minimal HTTP/1.1 over plain keep-alive sockets, from a fixed set of sender threads that
 * share the schedule (thread w sends requests w, w + n, w + 2n, ...): on a 2-core machine shared with the
 * server, a lean client leaves more of the CPU to the server than the JDK's asynchronous client did. The
 * thread count caps the requests in flight; a sender that falls behind its schedule sends late, and the
 * delay counts as latency. Each run is bounded in count (rate x duration) and in time (every sender stops
 * at the end of the schedule plus {@link #DRAIN_LIMIT}; what it had not sent by then counts as timed out).
 */
final class OpenLoopLoad {

    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final int senders;

    OpenLoopLoad(int senders) {
        this.senders = senders;
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
            long senders) {

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
     * @param target the URL to POST to (http, loopback)
     * @param rate requests per second offered
     * @param duration how long the schedule lasts
     * @param body the JSON body of request i; called from several threads
     * @param expectedStatus the status that counts as success
     */
    Outcome run(URI target, double rate, Duration duration, LongFunction<String> body, int expectedStatus)
            throws InterruptedException {
        long count = Math.round(rate * duration.toNanos() / 1e9);
        double periodNanos = 1e9 / rate;
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long stopAt = start + duration.toNanos() + DRAIN_LIMIT.toNanos();
        lastCompletion.set(start);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < senders; w++) {
            int first = w;
            Thread thread = new Thread(
                    () -> {
                        Connection connection = new Connection(target);
                        try {
                            for (long i = first; i < count; i += senders) {
                                long intended = start + (long) (i * periodNanos);
                                long wait;
                                while ((wait = intended - System.nanoTime()) > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                if (System.nanoTime() > stopAt) {
                                    timedOut.addAndGet((count - i + senders - 1) / senders);
                                    return;
                                }
                                int status = connection.post(body.apply(i));
                                long now = System.nanoTime();
                                if (status == expectedStatus) {
                                    ok.incrementAndGet();
                                    latency.recordValue(
                                            Math.min(TimeUnit.NANOSECONDS.toMicros(now - intended), 60_000_000L));
                                } else {
                                    failed.incrementAndGet();
                                }
                                lastCompletion.accumulateAndGet(now, Math::max);
                            }
                        } finally {
                            connection.close();
                        }
                    },
                    "load-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (lastCompletion.get() - start) / 1e9;
        double achieved = seconds <= 0 ? 0 : ok.get() / seconds;
        return new Outcome(rate, count, ok.get(), failed.get(), timedOut.get(), achieved, latency.copy(), senders);
    }

    /** One keep-alive HTTP/1.1 connection; reconnects after the server closes it or on an error. */
    private static final class Connection {

        private final URI target;
        private final String head;
        private @Nullable Socket socket;
        private @Nullable OutputStream out;
        private @Nullable InputStream in;

        Connection(URI target) {
            this.target = target;
            this.head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                    + target.getPort() + "\r\nContent-Type: application/json\r\nAccept: */*\r\n";
        }

        /** Sends one POST and reads the answer; returns its status, or -1 when the exchange failed. */
        int post(String json) {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            byte[] request =
                    (head + "Content-Length: " + payload.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                if (socket == null) {
                    open();
                }
                OutputStream output = java.util.Objects.requireNonNull(out);
                output.write(request);
                output.write(payload);
                output.flush();
                return readResponse(java.util.Objects.requireNonNull(in));
            } catch (IOException e) {
                close();
                return -1;
            }
        }

        private void open() throws IOException {
            Socket fresh = new Socket();
            fresh.setTcpNoDelay(true);
            fresh.setSoTimeout(READ_TIMEOUT_MILLIS);
            fresh.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
            socket = fresh;
            out = fresh.getOutputStream();
            in = new BufferedInputStream(fresh.getInputStream(), 8192);
        }

        private int readResponse(InputStream input) throws IOException {
            String statusLine = line(input);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response");
            }
            int status = Integer.parseInt(parts[1]);
            long length = 0;
            boolean chunked = false;
            boolean closing = false;
            String header;
            while (!(header = line(input)).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line(input).split(";")[0].trim(), 16)) > 0) {
                    skip(input, size + 2);
                }
                while (!line(input).isEmpty()) {
                    // trailers
                }
            } else {
                skip(input, length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private static String line(InputStream input) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = input.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            throw new IOException("connection closed");
        }

        private static void skip(InputStream input, long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = input.skip(left);
                if (skipped <= 0) {
                    if (input.read() == -1) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            Socket open = socket;
            socket = null;
            out = null;
            in = null;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }
}
