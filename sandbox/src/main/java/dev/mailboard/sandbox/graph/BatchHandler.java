package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** JSON batching: at most 20 inner requests, each throttled on its own, answered with per-request statuses. */
final class BatchHandler {

    private static final int MAX_REQUESTS = 20;

    private final GraphRouter router;
    private final SandboxJson json;

    BatchHandler(GraphRouter router, SandboxJson json) {
        this.router = router;
        this.json = json;
    }

    GraphResponse handle(GraphRequest outer, Caller caller) {
        if (!"POST".equals(outer.method())) {
            throw new GraphException(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
        }
        var requests = json.read(outer.body()).path("requests");
        if (!requests.isArray()) {
            throw GraphException.badRequest("Invalid batch payload format.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("Number of batch request steps exceeds the maximum of 20.");
        }
        var statuses = new HashMap<String, Integer>();
        var responses = new ArrayList<Object>();
        for (var step : requests) {
            var id = step.path("id").asString("");
            var response = run(step, outer, caller, statuses);
            statuses.put(id, response.status());
            responses.add(render(id, response));
        }
        return GraphResponse.json(200, json.write(Map.of("responses", responses)));
    }

    private GraphResponse run(JsonNode step, GraphRequest outer, Caller caller, Map<String, Integer> statuses) {
        for (var dependency : step.path("dependsOn")) {
            var status = statuses.get(dependency.asString(""));
            if (status == null || status >= 400) {
                return GraphResponse.json(
                        424,
                        json.write(Map.of(
                                "error",
                                Map.of(
                                        "code",
                                        "FailedDependency",
                                        "message",
                                        "A request this request depends on failed."))));
            }
        }
        var url = step.path("url").asString("");
        if (url.isBlank() || url.startsWith("http")) {
            return GraphResponse.json(
                    400,
                    json.write(Map.of(
                            "error", Map.of("code", "BadRequest", "message", "Batch request URLs must be relative."))));
        }
        int question = url.indexOf('?');
        var path = question < 0 ? url : url.substring(0, question);
        var query = question < 0 ? null : url.substring(question + 1);
        var headers = new LinkedHashMap<String, String>();
        step.path("headers")
                .properties()
                .forEach(e -> headers.put(
                        e.getKey().toLowerCase(Locale.ROOT), e.getValue().asString("")));
        var authorization = outer.header("authorization");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        var body = step.path("body");
        var text = body.isMissingNode() || body.isNull() ? "" : body.isString() ? body.asString() : json.write(body);
        var method = step.path("method").asString("GET");
        var inner = GraphController.parse(method, path, query, headers, text, outer.graphBase());
        if (inner.is(0, "v1.0")) {
            throw GraphException.badRequest("Batch request URLs are relative to the version: drop '/v1.0'.");
        }
        return router.guarded(inner, caller);
    }

    private Map<String, Object> render(String id, GraphResponse response) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", id);
        item.put("status", response.status());
        var headers = new LinkedHashMap<String, String>(response.headers());
        var contentType = response.contentType();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        item.put("headers", headers);
        var body = response.body();
        if (body != null) {
            item.put(
                    "body",
                    response.isJson()
                            ? json.read(new String(body, StandardCharsets.UTF_8))
                            : Base64.getEncoder().encodeToString(body));
        }
        return item;
    }
}
