package dev.mailboard.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One Graph answer: status, headers and an optional body with its content type. */
record GraphResponse(
        int status,
        Map<String, String> headers,
        byte @Nullable [] body,
        @Nullable String contentType) {

    static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true;"
            + " IEEE754Compatible=false; charset=utf-8";

    static GraphResponse json(int status, String body) {
        return new GraphResponse(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    static GraphResponse empty(int status) {
        return new GraphResponse(status, new LinkedHashMap<>(), null, null);
    }

    GraphResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new GraphResponse(status, copy, body, contentType);
    }

    boolean isJson() {
        return contentType != null && contentType.startsWith("application/json");
    }
}
