package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Renders Graph's error body: {@code {"error":{"code","message","innerError":{...}}}}. */
final class GraphErrors {

    private final SandboxJson json;

    GraphErrors(SandboxJson json) {
        this.json = json;
    }

    GraphResponse render(GraphException e, Instant now, @Nullable String clientRequestId) {
        var requestId = UUID.randomUUID().toString();
        var inner = new LinkedHashMap<String, Object>();
        if (e.status() == 429) {
            inner.put("code", "429");
            inner.put("message", "Please retry after");
            inner.put("status", "429");
        }
        inner.put("date", now.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId == null ? requestId : clientRequestId);
        var error = new LinkedHashMap<String, Object>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("innerError", inner);
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        var response = GraphResponse.json(e.status(), json.write(body)).withHeader("request-id", requestId);
        for (var header : e.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
