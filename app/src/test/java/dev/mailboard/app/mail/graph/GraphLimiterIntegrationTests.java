package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-mailbox limiter over real HTTP with the sandbox slowed down (S-68, S-69). */
@MailboardIntegrationTest
class GraphLimiterIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void keepsAtMostFourRequestsInFlightPerMailboxWhileOtherMailboxesProceed() throws Exception {
        SandboxAccounts sandbox = new SandboxAccounts(port);
        RequestRecorder recorder = new RequestRecorder();
        GraphClient graph = GraphTestSettings.against(sandbox.graphBaseUrl())
                .intercept(recorder)
                .client();
        SandboxAccounts.Mailbox busy = sandbox.createMailbox("busy");
        SandboxAccounts.Mailbox quiet = sandbox.createMailbox("quiet");
        GraphAccess busyAccess =
                new GraphAccess(busy.id(), sandbox.accessToken(busy.address(), SandboxAccounts.READ_SCOPES));
        GraphAccess quietAccess =
                new GraphAccess(quiet.id(), sandbox.accessToken(quiet.address(), SandboxAccounts.READ_SCOPES));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<CompletableFuture<Long>> busyCalls = new ArrayList<>();
        List<CompletableFuture<Long>> quietCalls = new ArrayList<>();
        try {
            sandbox.faults(Map.of("latencyMs", 150));
            for (int i = 0; i < 20; i++) {
                busyCalls.add(CompletableFuture.supplyAsync(() -> finishedAt(() -> graph.me(busyAccess)), pool));
            }
            for (int i = 0; i < 3; i++) {
                quietCalls.add(CompletableFuture.supplyAsync(() -> finishedAt(() -> graph.me(quietAccess)), pool));
            }
            CompletableFuture.allOf(busyCalls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(quietCalls.toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
        } finally {
            sandbox.clearFaults();
            pool.shutdownNow();
        }

        long lastBusy =
                busyCalls.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
        long lastQuiet =
                quietCalls.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
        assertThat(recorder.peakInFlight(busyAccess.accessToken())).isEqualTo(4);
        assertThat(graph.peakInFlight(busy.id())).isEqualTo(4);
        assertThat(graph.inFlight(busy.id())).isZero();
        assertThat(recorder.sent())
                .as("the sandbox never throttled")
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        assertThat(lastQuiet)
                .as("the quiet mailbox did not queue behind the busy one")
                .isLessThan(lastBusy);
    }

    private static long finishedAt(Runnable call) {
        call.run();
        return System.nanoTime();
    }
}
