package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The client against small local stubs, for answers the sandbox does not give: foreign links, batch retries, size caps. */
class GraphStubTests {

    private static final GraphAccess ACCESS = new GraphAccess("mailbox-1", "secret-token");

    private HttpServer graph;
    private HttpServer foreign;
    private final AtomicInteger foreignRequests = new AtomicInteger();
    private final List<String> batchBodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        graph = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        foreign.createContext("/", exchange -> {
            foreignRequests.incrementAndGet();
            answer(exchange, 200, "{\"value\":[]}", null);
        });
        graph.setExecutor(Executors.newCachedThreadPool());
        graph.start();
        foreign.start();
    }

    @AfterEach
    void stop() {
        graph.stop(0);
        foreign.stop(0);
    }

    @Test
    void neverFollowsADeltaLinkToAnotherHostOrPort() {
        String foreignPort = Integer.toString(foreign.getAddress().getPort());
        List<String> links = List.of(
                "http://127.0.0.1:" + foreignPort + "/v1.0/me/mailFolders/inbox/messages/delta?$skiptoken=a",
                "http://localhost:" + foreignPort + "/v1.0/me/mailFolders/inbox/messages/delta?$skiptoken=b",
                "https://127.0.0.1:" + graphPort() + "/v1.0/me/mailFolders/inbox/messages/delta?$skiptoken=c");
        AtomicReference<String> next = new AtomicReference<>("");
        graph.createContext(
                "/",
                exchange -> answer(
                        exchange,
                        200,
                        "{\"value\":[{\"id\":\"m1\"}],\"@odata.nextLink\":\"" + next.get() + "\"}",
                        null));
        List<GraphException> failures = new ArrayList<>();
        for (String link : links) {
            next.set(link);
            failures.add(catchThrowableOfType(GraphException.class, () -> client().delta(ACCESS, "inbox", null)));
        }

        assertThat(failures).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(GraphException.Kind.UNTRUSTED_LINK);
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(foreignRequests)
                .as("nothing, so no token, reached the foreign server")
                .hasValue(0);
    }

    @Test
    void refusesAStoredDeltaLinkToAnotherHostBeforeSendingAnything() {
        AtomicInteger graphRequests = new AtomicInteger();
        graph.createContext("/", exchange -> {
            graphRequests.incrementAndGet();
            answer(exchange, 200, "{}", null);
        });

        GraphException refused = catchThrowableOfType(
                GraphException.class,
                () -> client().delta(ACCESS, "inbox", "https://evil.example/v1.0/me/mailFolders/inbox/messages/delta"));

        assertThat(refused.kind()).isEqualTo(GraphException.Kind.UNTRUSTED_LINK);
        assertThat(graphRequests).hasValue(0);
        assertThat(foreignRequests).hasValue(0);
    }

    @Test
    void retriesOnlyTheThrottledInnerRequestsOfABatchAfterTheirRetryAfter() {
        graph.createContext("/v1.0/$batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            batchBodies.add(body);
            String answer = batchBodies.size() == 1
                    ? "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":{\"id\":\"a\",\"subject\":\"A\"}},"
                            + "{\"id\":\"2\",\"status\":429,\"headers\":{\"Retry-After\":\"0.25\"},"
                            + "\"body\":{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"later\"}}}]}"
                    : "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":{\"id\":\"b\",\"subject\":\"B\"}}]}";
            answer(exchange, 200, answer, null);
        });
        List<Duration> waits = new CopyOnWriteArrayList<>();

        GraphBatchResult result =
                GraphTestSettings.against(base()).sleeper(waits::add).client().messages(ACCESS, List.of("a", "b"));

        assertThat(result.messages()).containsOnlyKeys("a", "b");
        assertThat(result.failures()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(batchBodies).hasSize(2);
        assertThat(batchBodies.get(0))
                .contains("/me/messages/a?$select=", "/me/messages/b?$select=", "IdType=\\\"ImmutableId\\\"");
        assertThat(batchBodies.get(1)).contains("/me/messages/b?").doesNotContain("/me/messages/a?");
    }

    @Test
    void failsAnOversizedAnswerAsTooLargeWithoutReadingItAll() {
        graph.createContext(
                "/v1.0/me",
                exchange ->
                        answer(exchange, 200, "{\"id\":\"u\",\"displayName\":\"" + "x".repeat(100_000) + "\"}", null));

        GraphException tooLarge = catchThrowableOfType(
                GraphException.class,
                () -> GraphTestSettings.against(base())
                        .maxResponseSize(DataSize.ofKilobytes(4))
                        .client()
                        .me(ACCESS));

        assertThat(tooLarge.kind()).isEqualTo(GraphException.Kind.TOO_LARGE);
    }

    @Test
    void timesOutAStalledAnswer() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        graph.createContext("/v1.0/me", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"id\":\"late\"}", null);
        });
        GraphException timedOut;
        try {
            timedOut = catchThrowableOfType(
                    GraphException.class,
                    () -> GraphTestSettings.against(base())
                            .readTimeout(Duration.ofMillis(300))
                            .client()
                            .me(ACCESS));
        } finally {
            release.countDown();
        }

        assertThat(timedOut.kind()).isEqualTo(GraphException.Kind.TRANSIENT);
        assertThat(timedOut.code()).isEqualTo("Timeout");
        assertThat(timedOut.isRetryable()).isTrue();
    }

    @Test
    void mapsAnUnavailableAnswerWithItsRetryAfter() {
        graph.createContext(
                "/v1.0/me", exchange -> answer(exchange, 503, "{\"error\":{\"code\":\"serviceNotAvailable\"}}", "7"));

        GraphException unavailable = catchThrowableOfType(GraphException.class, () -> client().me(ACCESS));

        assertThat(unavailable.kind()).isEqualTo(GraphException.Kind.UNAVAILABLE);
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(7));
    }

    private GraphClient client() {
        return GraphTestSettings.against(base()).client();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + graphPort() + "/v1.0");
    }

    private int graphPort() {
        return graph.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
