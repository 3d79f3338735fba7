package dev.mailboard.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** A tiny webhook receiver on 127.0.0.1: echoes validation tokens and records notification batches. */
final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();
    private volatile boolean echoValidation = true;

    NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<JsonNode> batches() {
        return batches;
    }

    int posts() {
        return posts.get();
    }

    void failNext(int count) {
        failuresLeft.set(count);
    }

    void refuseValidation() {
        echoValidation = false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        var query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("validationToken=")) {
            var token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
            var body = (echoValidation ? token : "wrong").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        batches.add(SandboxHttp.JSON.readTree(body));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
