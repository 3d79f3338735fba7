package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The validation handshake: POST {@code ?validationToken=...} and expect the token back as text/plain within 10 s. */
final class EndpointValidator {

    private final HttpClient client;
    private final Duration timeout;
    private final DeliveryLog log;
    private final SandboxClock clock;

    EndpointValidator(SandboxProperties properties, DeliveryLog log, SandboxClock clock) {
        this.timeout = properties.notificationTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.log = log;
        this.clock = clock;
    }

    void validate(String url, String subscriptionId) {
        var token =
                "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        var target = url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(target))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        long start = System.nanoTime();
        int status = 0;
        String problem;
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            var type = response.headers().firstValue("Content-Type").orElse("");
            problem = status != 200
                    ? "Notification endpoint must respond with 200 OK to validation request."
                    : !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")
                            ? "Notification endpoint must answer with Content-Type text/plain."
                            : !response.body().equals(token)
                                    ? "Response must exactly match validationToken query parameter."
                                    : "";
        } catch (IOException e) {
            problem = "Notification endpoint could not be reached or did not answer within " + timeout.toSeconds()
                    + " seconds.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "Validation was interrupted.";
        }
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        log.add(new Delivery(
                clock.now(),
                "validation",
                url,
                List.of(subscriptionId),
                1,
                1,
                status,
                took,
                problem.isEmpty() ? "delivered" : "failed"));
        if (!problem.isEmpty()) {
            throw new SubscriptionException(
                    400, "ValidationError", "Subscription validation request failed. " + problem);
        }
    }
}
