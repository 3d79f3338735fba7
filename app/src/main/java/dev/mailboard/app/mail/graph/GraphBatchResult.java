package dev.mailboard.app.mail.graph;

import java.util.Map;

/**
 * Messages fetched with {@code $batch}: each requested id is either in {@code messages} or in
 * {@code failures}.
 *
 * @param messages fetched messages by requested id
 * @param failures why the others failed, by requested id (throttled ones carry their Retry-After)
 */
public record GraphBatchResult(Map<String, GraphMessage> messages, Map<String, GraphException> failures) {

    public GraphBatchResult {
        messages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messages));
        failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
    }
}
