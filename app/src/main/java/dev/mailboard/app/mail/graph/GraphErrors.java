package dev.mailboard.app.mail.graph;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Graph's answers and transport failures into {@link GraphException}s, so that no {@code RestClient}
 * type leaves this package: 401 token rejected, 403 forbidden, 404 gone, 409 conflict, 410 (or
 * {@code syncStateNotFound}) resync needed, 429 throttled and 503/504 unavailable (with {@code Retry-After}
 * in decimal seconds), other 5xx transient, other 4xx bad request.
 */
final class GraphErrors {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final JsonMapper json;
    private final Clock clock;

    GraphErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** For {@code RestClient}'s status handler: reads the error body (capped) and builds the exception. */
    GraphException from(HttpRequest request, ClientHttpResponse response) throws IOException {
        GraphErrorBody body = new GraphErrorBody(null);
        try (InputStream in = response.getBody()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            if (bytes.length > 0) {
                body = json.readValue(bytes, GraphErrorBody.class);
            }
        } catch (JacksonException e) {
            body = new GraphErrorBody(null);
        }
        return of(
                response.getStatusCode().value(),
                body,
                response.getHeaders().getFirst("Retry-After"),
                request.getMethod() + " " + request.getURI().getRawPath());
    }

    /** The failure of an inner {@code $batch} request. */
    GraphException fromBatchItem(GraphBatch.Item item, String what) {
        GraphErrorBody body = new GraphErrorBody(null);
        JsonNode node = item.body();
        if (node != null && node.isObject()) {
            try {
                body = json.treeToValue(node, GraphErrorBody.class);
            } catch (JacksonException e) {
                body = new GraphErrorBody(null);
            }
        }
        return of(item.status(), body, item.header("Retry-After"), what);
    }

    GraphException of(int status, GraphErrorBody body, @Nullable String retryAfterHeader, String what) {
        String code = body.code().isEmpty() ? "Http" + status : body.code();
        String message = "Graph answered " + status + " " + code + " to " + what
                + (body.message().isEmpty() ? "" : ": " + body.message());
        return new GraphException(kind(status, code), status, code, message, retryAfter(retryAfterHeader));
    }

    /** A request that got no answer: a timeout, an I/O failure, or a body over the size limit. */
    static GraphException fromTransport(RestClientException e, String what) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseTooLargeException) {
                return new GraphException(
                        GraphException.Kind.TOO_LARGE, "ResponseTooLarge", what + ": " + cause.getMessage(), e);
            }
            if (cause instanceof HttpTimeoutException) {
                return new GraphException(GraphException.Kind.TRANSIENT, "Timeout", what + " timed out", e);
            }
        }
        return new GraphException(
                GraphException.Kind.TRANSIENT,
                "NoAnswer",
                what + " failed: " + e.getClass().getSimpleName(),
                e);
    }

    static GraphException.Kind kind(int status, String code) {
        if (status == 410 || "syncStateNotFound".equals(code) || "resyncRequired".equals(code)) {
            return GraphException.Kind.RESYNC_NEEDED;
        }
        switch (status) {
            case 401:
                return GraphException.Kind.TOKEN_REJECTED;
            case 403:
                return GraphException.Kind.FORBIDDEN;
            case 404:
                return GraphException.Kind.GONE;
            case 409:
                return GraphException.Kind.CONFLICT;
            case 429:
                return GraphException.Kind.THROTTLED;
            case 503:
            case 504:
                return GraphException.Kind.UNAVAILABLE;
            default:
                return status >= 500 ? GraphException.Kind.TRANSIENT : GraphException.Kind.BAD_REQUEST;
        }
    }

    /** {@code Retry-After} as decimal seconds ({@code 2.128}) or, rarely, an HTTP date. */
    @Nullable
    Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.trim());
            return seconds.signum() < 0
                    ? null
                    : Duration.ofNanos(seconds.movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return retryAfterDate(value.trim());
        }
    }

    private @Nullable Duration retryAfterDate(String value) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
