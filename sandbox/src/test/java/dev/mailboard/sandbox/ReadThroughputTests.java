package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Measures message reads per second over HTTP (throttling off), and logs the figure; asserts only that it ran. */
class ReadThroughputTests {

    private static final Logger log = LoggerFactory.getLogger(ReadThroughputTests.class);
    private static final int THREADS = 8;
    private static final long MILLIS = 3_000;

    @Test
    void measuresMessageReadsPerSecond() throws Exception {
        try (var context = SandboxApplication.application()
                .run(
                        "--server.port=0",
                        "--mailboard.sandbox.throttle.enabled=false",
                        "--spring.main.banner-mode=off")) {
            var port = java.util.Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer())
                    .getPort();
            var http = new SandboxHttp("http://localhost:" + port);
            var oauth = new OAuthFlow(http);
            oauth.registerApp();
            oauth.createMailbox("bench@sandbox.test");
            var ids = new ArrayList<String>();
            for (int i = 0; i < 100; i++) {
                ids.add(http.post(
                                "/sandbox/mailboxes/bench@sandbox.test/messages",
                                SandboxHttp.json(Map.of(
                                        "from",
                                        Map.of("name", "Load", "address", "load@example.com"),
                                        "subject",
                                        "Load " + i,
                                        "bodyHtml",
                                        "<p>" + "body text ".repeat(50) + "</p>")))
                        .json()
                        .path("id")
                        .asString());
            }
            var token = "Bearer " + oauth.accessToken("bench@sandbox.test", "User.Read Mail.Read");
            var path = "/sandbox/graph/v1.0/me/messages/%s?$select=id,parentFolderId,subject,from,sender,"
                    + "toRecipients,ccRecipients,receivedDateTime,internetMessageId,conversationId,"
                    + "internetMessageHeaders,uniqueBody,body,hasAttachments,importance";
            run(http, ids, token, path, 1_000);
            long reads = run(http, ids, token, path, MILLIS);
            double perSecond = reads * 1000.0 / MILLIS;
            log.info(
                    "Sandbox message reads: {} in {} ms with {} client threads = {} reads/s",
                    reads,
                    MILLIS,
                    THREADS,
                    Math.round(perSecond));
            assertThat(reads).isPositive();
        }
    }

    private static long run(SandboxHttp http, List<String> ids, String token, String path, long millis)
            throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            long end = System.currentTimeMillis() + millis;
            var calls = new ArrayList<Callable<Long>>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                calls.add(() -> {
                    long count = 0;
                    while (System.currentTimeMillis() < end) {
                        var id = ids.get((int) ((count * THREADS + offset) % ids.size()));
                        var answer = http.get(
                                path.formatted(id), "Authorization", token, "Prefer", "IdType=\"ImmutableId\"");
                        if (answer.status() != 200) {
                            throw new IllegalStateException("read failed: " + answer.status());
                        }
                        count++;
                    }
                    return count;
                });
            }
            long total = 0;
            for (Future<Long> f : pool.invokeAll(calls)) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
