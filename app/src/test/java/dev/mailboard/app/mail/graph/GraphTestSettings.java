package dev.mailboard.app.mail.graph;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.unit.DataSize;

/** Builds {@link GraphProperties} and clients for tests: the defaults, with the few settings a test changes. */
final class GraphTestSettings {

    private final URI baseUrl;
    private int deltaPageSize = 50;
    private int maxAttachments = 10;
    private DataSize maxAttachmentSize = DataSize.ofMegabytes(10);
    private DataSize maxBodySize = DataSize.ofMegabytes(1);
    private DataSize maxResponseSize = DataSize.ofMegabytes(16);
    private int requestBudget = 9000;
    private Duration readTimeout = Duration.ofSeconds(30);
    private String allowedLinkHost = "";
    private final List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
    private MessageBatches.Sleeper sleeper = MessageBatches.realSleeper();

    private GraphTestSettings(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    static GraphTestSettings against(URI baseUrl) {
        return new GraphTestSettings(baseUrl);
    }

    GraphTestSettings deltaPageSize(int value) {
        deltaPageSize = value;
        return this;
    }

    GraphTestSettings attachments(int count, DataSize size) {
        maxAttachments = count;
        maxAttachmentSize = size;
        return this;
    }

    GraphTestSettings maxBodySize(DataSize value) {
        maxBodySize = value;
        return this;
    }

    GraphTestSettings maxResponseSize(DataSize value) {
        maxResponseSize = value;
        return this;
    }

    GraphTestSettings readTimeout(Duration value) {
        readTimeout = value;
        return this;
    }

    GraphTestSettings requestBudget(int value) {
        requestBudget = value;
        return this;
    }

    GraphTestSettings allowedLinkHost(String value) {
        allowedLinkHost = value;
        return this;
    }

    GraphTestSettings intercept(ClientHttpRequestInterceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    GraphTestSettings sleeper(MessageBatches.Sleeper value) {
        sleeper = value;
        return this;
    }

    GraphProperties properties() {
        return new GraphProperties(
                baseUrl,
                Duration.ofSeconds(5),
                readTimeout,
                4,
                Duration.ofSeconds(10),
                requestBudget,
                Duration.ofMinutes(10),
                allowedLinkHost,
                maxBodySize,
                maxResponseSize,
                maxAttachments,
                maxAttachmentSize,
                deltaPageSize,
                2,
                Duration.ofSeconds(5));
    }

    GraphClient client() {
        return new GraphClient(properties(), Clock.systemUTC(), interceptors, sleeper);
    }
}
