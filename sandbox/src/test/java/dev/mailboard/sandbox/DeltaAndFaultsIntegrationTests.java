package dev.mailboard.sandbox;

import static dev.mailboard.sandbox.GraphMailIntegrationTests.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeltaAndFaultsIntegrationTests extends SandboxIntegrationTest {

    private static final String IMMUTABLE = "IdType=\"ImmutableId\"";

    @AfterEach
    void clearFaults() {
        assertThat(http.send("DELETE", "/sandbox/faults", null).status()).isEqualTo(204);
    }

    @Test
    void deltaPagesRoundsAndRemovals() {
        var address = uniqueAddress("delta");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(deliver(address, "Delta " + i));
        }
        var first = http.get(
                "/sandbox/graph/v1.0/me/mailFolders('Inbox')/messages/delta?$select=subject",
                "Authorization",
                token,
                "Prefer",
                IMMUTABLE + ", odata.maxpagesize=2");
        assertThat(first.header("Preference-Applied")).isEqualTo("odata.maxpagesize=2");
        var page = first.json();
        var seen = new ArrayList<String>();
        int pages = 1;
        collect(page, seen);
        while (page.has("@odata.nextLink")) {
            page = http.get(
                            page.path("@odata.nextLink").asString(),
                            "Authorization",
                            token,
                            "Prefer",
                            IMMUTABLE + ", odata.maxpagesize=2")
                    .json();
            collect(page, seen);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        var deltaLink = page.path("@odata.deltaLink").asString();
        assertThat(deltaLink).contains("$deltatoken=");

        http.send("DELETE", "/sandbox/mailboxes/" + address + "/messages/" + ids.get(0), null);
        http.post("/sandbox/mailboxes/" + address + "/messages/" + ids.get(1) + "/move", "{\"folder\":\"junkemail\"}");
        var added = deliver(address, "After");
        var next =
                http.get(deltaLink, "Authorization", token, "Prefer", IMMUTABLE).json();
        var removed = new ArrayList<String>();
        var changed = new ArrayList<String>();
        next.path("value")
                .forEach(v ->
                        (v.has("@removed") ? removed : changed).add(v.path("id").asString()));
        assertThat(removed).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(changed).containsExactly(added);
        assertThat(next.path("value").get(0).path("@removed").path("reason").asString())
                .isEqualTo("deleted");
        assertThat(next.has("@odata.deltaLink")).isTrue();

        setFaults(Map.of("delta410", 1.0, "seed", 7));
        var gone = http.get(next.path("@odata.deltaLink").asString(), "Authorization", token);
        assertGraphError(gone, 410, "syncStateNotFound");
        assertThat(gone.header("Location")).contains("/messages/delta");
    }

    @Test
    void injectedFaultsAreRepeatableWithASeed() {
        var address = uniqueAddress("faulty");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var run1 = statuses(token, Map.of("rate429", 0.3, "rate503", 0.2, "retryAfterSeconds", 2.5, "seed", 99));
        var run2 = statuses(token, Map.of("rate429", 0.3, "rate503", 0.2, "retryAfterSeconds", 2.5, "seed", 99));
        assertThat(run1).isEqualTo(run2).contains(200).containsAnyOf(429, 503);

        setFaults(Map.of("rate429", 1.0, "retryAfterSeconds", 2.128));
        var throttled = http.get("/sandbox/graph/v1.0/me", "Authorization", token);
        assertGraphError(throttled, 429, "TooManyRequests");
        assertThat(throttled.header("Retry-After")).isEqualTo("2.128");
        assertThat(throttled
                        .json()
                        .path("error")
                        .path("innerError")
                        .path("status")
                        .asString())
                .isEqualTo("429");
    }

    @Test
    void limitsConcurrentRequestsPerAppAndMailbox() throws Exception {
        var address = uniqueAddress("busy");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        setFaults(Map.of("latencyMs", 400));
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> http.get("/sandbox/graph/v1.0/me", "Authorization", token)
                        .status());
            }
            var results = new ArrayList<Integer>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).contains(429);
            assertThat(results.stream().filter(s -> s == 200).count()).isBetween(1L, 4L);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> statuses(String token, Map<String, Object> faults) {
        setFaults(faults);
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 20; i++) {
            statuses.add(
                    http.get("/sandbox/graph/v1.0/me", "Authorization", token).status());
        }
        return statuses;
    }

    private void setFaults(Map<String, Object> faults) {
        assertThat(http.send("PUT", "/sandbox/faults", SandboxHttp.json(faults)).status())
                .isEqualTo(200);
    }

    private static void collect(JsonNode page, List<String> seen) {
        page.path("value").forEach(v -> seen.add(v.path("id").asString()));
    }
}
