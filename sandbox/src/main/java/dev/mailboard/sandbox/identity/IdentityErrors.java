package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxJson;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Renders identity errors as the v2.0 token endpoint does. */
final class IdentityErrors {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private IdentityErrors() {}

    static ResponseEntity<String> render(IdentityException e, java.time.Instant now, SandboxJson json) {
        var traceId = UUID.randomUUID().toString();
        var correlationId = UUID.randomUUID().toString();
        var timestamp = TIMESTAMP.format(now);
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.error());
        body.put(
                "error_description",
                e.getMessage() + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: "
                        + timestamp);
        body.put("error_codes", List.of(e.code()));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + e.code());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .body(json.write(body));
    }
}
