package dev.mailboard.app.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny reverse proxy standing for a load balancer in front of several Mailboard instances: POSTs under
 * {@code /webhooks/} go round-robin to the instances, everything else (the sign-in callback) to the first.
 * It counts, per instance, the webhook answers with each status.
 */
final class WebhookForwarder implements AutoCloseable {

    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Cookie");
    private static final List<String> RESPONSE_HEADERS =
            List.of("Content-Type", "Location", "Set-Cookie", "Retry-After");

    private final HttpServer server;
    private final List<Integer> ports;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    /**
     * A notification POST an instance answered with 202.
     *
     * @param port the instance's port
     * @param body the POST's body
     */
    record Accepted(int port, String body) {}

    private WebhookForwarder(HttpServer server, List<Integer> ports) {
        this.server = server;
        this.ports = List.copyOf(ports);
    }

    /** Starts a forwarder on a free loopback port to Mailboard instances on these ports. */
    static WebhookForwarder start(List<Integer> ports) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookForwarder forwarder = new WebhookForwarder(server, ports);
            server.createContext("/", forwarder::forward);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public URL to give the instances. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** How many webhook POSTs the instance on this port answered with this status. */
    int answered(int port, int status) {
        AtomicInteger count = answers.get(port + ":" + status);
        return count == null ? 0 : count.get();
    }

    /** Every webhook answer so far, as {@code port:status} to count. */
    Map<String, Integer> answers() {
        Map<String, Integer> copy = new TreeMap<>();
        answers.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** The notification POSTs the instances accepted, in order. */
    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            boolean webhook = path.startsWith("/webhooks/");
            int port = webhook ? ports.get(Math.floorMod(next.getAndIncrement(), ports.size())) : ports.get(0);
            String query = exchange.getRequestURI().getRawQuery();
            URI target = URI.create("http://localhost:" + port + path + (query == null ? "" : "?" + query));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : REQUEST_HEADERS) {
                List<String> values = exchange.getRequestHeaders().get(name);
                if (values != null) {
                    values.forEach(value -> request.header(name, value));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                count(webhook, port, 502);
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            count(webhook, port, response.statusCode());
            if (webhook && response.statusCode() == 202) {
                accepted.add(new Accepted(port, new String(body, StandardCharsets.UTF_8)));
            }
            for (String name : RESPONSE_HEADERS) {
                response.headers()
                        .allValues(name)
                        .forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void count(boolean webhook, int port, int status) {
        if (webhook) {
            answers.computeIfAbsent(port + ":" + status, k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
