package dev.mailboard.app.mail.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Fetches messages with {@code $batch}: at most 20 per batch, the {@code Prefer} header inside each inner
 * request (inner requests inherit none), per-request outcomes, and only the failed, retryable inner
 * requests retried after the longest {@code Retry-After} when that wait is short.
 */
final class MessageBatches {

    /** Waits between batch retries; replaceable in tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final GraphCalls calls;
    private final GraphProperties properties;
    private final Sleeper sleeper;
    private final SingleFetch single;

    /** Fetches one message on its own, for a batch whose answer was too large. */
    interface SingleFetch {
        GraphMessage fetch(GraphAccess access, String messageId);
    }

    MessageBatches(GraphCalls calls, GraphProperties properties, Sleeper sleeper, SingleFetch single) {
        this.calls = calls;
        this.properties = properties;
        this.sleeper = sleeper;
        this.single = single;
    }

    static Sleeper realSleeper() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    GraphBatchResult fetch(GraphAccess access, List<String> ids) {
        Map<String, GraphMessage> messages = new LinkedHashMap<>();
        Map<String, GraphException> failures = new LinkedHashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += GraphBatch.MAX_REQUESTS) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + GraphBatch.MAX_REQUESTS));
            fetchChunk(access, chunk, messages, failures);
        }
        return new GraphBatchResult(messages, failures);
    }

    private void fetchChunk(
            GraphAccess access,
            List<String> chunk,
            Map<String, GraphMessage> messages,
            Map<String, GraphException> failures) {
        List<String> pending = chunk;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            GraphBatch.Response response;
            try {
                List<String> ids = pending;
                response = calls.calls(
                        access.mailbox(), ids.size(), "POST $batch", api -> api.batch(access.bearer(), request(ids)));
            } catch (GraphException e) {
                if (e.kind() != GraphException.Kind.TOO_LARGE) {
                    throw e;
                }
                pending.forEach(id -> fetchAlone(access, id, messages, failures));
                return;
            }
            List<String> retry = record(pending, response, messages, failures);
            Duration wait = longestRetryAfter(retry, failures);
            if (retry.isEmpty()
                    || attempt >= properties.batchRetries()
                    || wait.compareTo(properties.maxInlineRetryWait()) > 0) {
                return;
            }
            pause(wait);
            retry.forEach(failures::remove);
            pending = retry;
        }
    }

    private List<String> record(
            List<String> pending,
            GraphBatch.Response response,
            Map<String, GraphMessage> messages,
            Map<String, GraphException> failures) {
        Map<String, GraphBatch.Item> byStep = new LinkedHashMap<>();
        response.responses().forEach(item -> byStep.put(item.id(), item));
        List<String> retry = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            String id = pending.get(i);
            GraphBatch.Item item = byStep.get(Integer.toString(i + 1));
            GraphException failure = item == null ? missing(id) : outcome(id, item, messages);
            if (failure != null) {
                failures.put(id, failure);
                if (failure.isRetryable()) {
                    retry.add(id);
                }
            }
        }
        return retry;
    }

    private @org.jspecify.annotations.Nullable GraphException outcome(
            String id, GraphBatch.Item item, Map<String, GraphMessage> messages) {
        JsonNode body = item.body();
        if (item.status() >= 200 && item.status() < 300 && body != null && body.isObject()) {
            GraphMessage message = calls.json().treeToValue(body, GraphMessage.class);
            messages.put(id, message.keepingBodiesUpTo(properties.maxBodySize().toBytes()));
            return null;
        }
        return calls.errors().fromBatchItem(item, "GET /me/messages/{id} in $batch");
    }

    private void fetchAlone(
            GraphAccess access, String id, Map<String, GraphMessage> messages, Map<String, GraphException> failures) {
        try {
            messages.put(id, single.fetch(access, id));
        } catch (GraphException e) {
            failures.put(id, e);
        }
    }

    private static GraphBatch.Request request(List<String> ids) {
        List<GraphBatch.Step> steps = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String url =
                    "/me/messages/" + UriUtils.encodePathSegment(ids.get(i), java.nio.charset.StandardCharsets.UTF_8)
                            + "?$select=" + GraphMessage.SELECT;
            steps.add(new GraphBatch.Step(
                    Integer.toString(i + 1), "GET", url, Map.of("Prefer", GraphCalls.IMMUTABLE_IDS)));
        }
        return new GraphBatch.Request(steps);
    }

    private static Duration longestRetryAfter(List<String> retry, Map<String, GraphException> failures) {
        Duration longest = Duration.ZERO;
        for (String id : retry) {
            GraphException failure = failures.get(id);
            Duration wait =
                    failure == null ? Duration.ZERO : failure.retryAfter().orElse(Duration.ofSeconds(1));
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        return longest;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(
                    GraphException.Kind.TRANSIENT, "Interrupted", "interrupted between batch retries", e);
        }
    }

    private static GraphException missing(String id) {
        return new GraphException(
                GraphException.Kind.TRANSIENT, 0, "MissingBatchResponse", "no answer in the batch for " + id, null);
    }
}
