package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 401 from Graph makes the client renew the access token at once and send the request once more; a renewed
 * token that is refused too is reported. Against a local stub that accepts only the token it was told.
 */
class GraphTokenRenewalTests {

    private HttpServer graph;
    private volatile String accepted = "new-token";
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> renewals = new CopyOnWriteArrayList<>();
    private final List<String> refusedAgain = new CopyOnWriteArrayList<>();

    private final GraphTokenRenewal renewal = new GraphTokenRenewal() {
        @Override
        public Optional<String> renew(String mailbox, String refused) {
            renewals.add(mailbox + ":" + refused);
            return Optional.of("new-token");
        }

        @Override
        public void refusedAgain(String mailbox) {
            refusedAgain.add(mailbox);
        }
    };

    @BeforeEach
    void start() throws IOException {
        graph = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        graph.createContext("/", exchange -> {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(bearer);
            boolean ok = ("Bearer " + accepted).equals(bearer);
            byte[] body = (ok
                            ? "{\"id\":\"u1\",\"mail\":\"ann@example.test\",\"displayName\":\"Ann\"}"
                            : "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"expired\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        graph.start();
    }

    @AfterEach
    void stop() {
        graph.stop(0);
    }

    @Test
    void aRefusedTokenIsRenewedAndTheCallSentOnceMore() {
        GraphUser me = client().me(new GraphAccess("connection-1", "old-token"));

        assertThat(me.mail()).isEqualTo("ann@example.test");
        assertThat(seen).containsExactly("Bearer old-token", "Bearer new-token");
        assertThat(renewals).containsExactly("connection-1:old-token");
        assertThat(refusedAgain).isEmpty();
    }

    @Test
    void aRenewedTokenThatIsRefusedTooIsReportedAndTheCallFails() {
        accepted = "a-token-nobody-has";

        GraphException refused =
                catchThrowableOfType(GraphException.class, () -> client().me(new GraphAccess("connection-2", "old")));

        assertThat(refused.kind()).isEqualTo(GraphException.Kind.TOKEN_REJECTED);
        assertThat(seen).as("exactly one retry").hasSize(2);
        assertThat(refusedAgain).containsExactly("connection-2");
    }

    private GraphClient client() {
        return GraphTestSettings.against(
                        URI.create("http://127.0.0.1:" + graph.getAddress().getPort() + "/v1.0"))
                .intercept(new TokenRenewalInterceptor(() -> renewal))
                .client();
    }
}
