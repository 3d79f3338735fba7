package dev.mailboard.app.mail.graph;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the Graph client from {@code mailboard.mail.graph.*}. */
@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

    @Bean
    GraphClient graphClient(
            GraphProperties properties,
            Clock clock,
            ObjectProvider<GraphTokenRenewal> renewal,
            @Value("${mailboard.sandbox.enabled:false}") boolean sandboxEnabled) {
        String path = String.valueOf(properties.baseUrl().getPath());
        if (!sandboxEnabled && path.startsWith("/sandbox/")) {
            throw new IllegalStateException("mailboard.mail.graph.base-url (" + properties.baseUrl()
                    + ") points at the sandbox, which is switched off: set MAILBOARD_GRAPH_BASE_URL to"
                    + " https://graph.microsoft.com/v1.0, or MAILBOARD_SANDBOX_ENABLED=true");
        }
        return new GraphClient(
                properties,
                clock,
                List.of(new TokenRenewalInterceptor(renewal::getIfAvailable)),
                MessageBatches.realSleeper());
    }

    /** A base URL on port 0 (the sandbox of a server on a random port) gets the server's port once it is known. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> graphClientPort(GraphClient client) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                client.rebase(event.getWebServer().getPort());
            }
        };
    }
}
