package dev.mailboard.app.mail.graph;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** JSON batching payloads ({@code POST /$batch}). */
final class GraphBatch {

    /** At most this many inner requests per batch. */
    static final int MAX_REQUESTS = 20;

    private GraphBatch() {}

    /**
     * A batch request.
     *
     * @param requests the inner requests
     */
    record Request(List<Step> requests) {}

    /**
     * An inner request; its URL is relative to the version and it carries its own headers.
     *
     * @param id the step id, unique in the batch
     * @param method the HTTP method
     * @param url the relative URL
     * @param headers its headers (not inherited from the outer request, except Authorization)
     */
    record Step(String id, String method, String url, Map<String, String> headers) {}

    /**
     * A batch response.
     *
     * @param responses one per inner request, in any order
     */
    record Response(List<Item> responses) {

        Response {
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }

    /**
     * An inner response.
     *
     * @param id the step id
     * @param status its HTTP status
     * @param headers its headers (for example {@code Retry-After})
     * @param body its JSON body
     */
    record Item(
            String id,
            int status,
            @Nullable Map<String, String> headers,
            @Nullable JsonNode body) {

        @Nullable
        String header(String name) {
            if (headers == null) {
                return null;
            }
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }
}
