package dev.mailboard.app.mail.graph;

import dev.mailboard.app.operations.PublicUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Graph client that sending uses. It is the shared client, except when the configured base URL names port
 * 0 (the embedded sandbox behind a server on a random port, as in tests): then the port is known only once
 * the server runs, so a client for the actual port is built on first use, from {@link PublicUrl}.
 */
@Component
public class OutgoingGraph {

    private final GraphClient shared;
    private final GraphProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private volatile @Nullable GraphClient resolved;

    OutgoingGraph(GraphClient shared, GraphProperties properties, PublicUrl publicUrl, Clock clock) {
        this.shared = shared;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * The client to send with.
     *
     * @return a client whose base URL points at a real port
     */
    public GraphClient client() {
        URI configured = properties.baseUrl();
        if (configured.getPort() != 0) {
            return shared;
        }
        GraphClient client = resolved;
        if (client == null) {
            client = new GraphClient(
                    properties.withBaseUrl(withPort(configured, publicUrl.base().getPort())), clock);
            resolved = client;
        }
        return client;
    }

    private static URI withPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), port, uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot put the server's port into the Graph base URL", e);
        }
    }
}
