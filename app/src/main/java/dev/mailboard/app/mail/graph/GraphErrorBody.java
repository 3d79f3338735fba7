package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * Graph's error body: {@code {"error": {"code", "message", "innerError"}}}.
 *
 * @param error the error
 */
record GraphErrorBody(@Nullable Error error) {

    /**
     * The error object.
     *
     * @param code the code to act on (never the message)
     * @param message a text that changes over time
     * @param innerError request ids and, on 429, Graph's inner code
     */
    record Error(
            @Nullable String code,
            @Nullable String message,
            @JsonAlias("innererror") @Nullable Inner innerError) {}

    /**
     * The inner error.
     *
     * @param code an inner code, {@code "429"} on throttling
     * @param requestId Graph's request id, for support
     */
    record Inner(
            @Nullable String code,

            @com.fasterxml.jackson.annotation.JsonProperty("request-id") @Nullable
            String requestId) {}

    String code() {
        return error == null || error.code() == null ? "" : String.valueOf(error.code());
    }

    String message() {
        return error == null || error.message() == null ? "" : String.valueOf(error.message());
    }
}
