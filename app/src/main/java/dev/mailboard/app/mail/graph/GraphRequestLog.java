package dev.mailboard.app.mail.graph;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Logs each Graph request at debug level: method, path and status, never headers (the token) nor the query
 * string (skip and delta tokens are long and opaque).
 */
final class GraphRequestLog implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(GraphRequestLog.class);

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        long start = System.nanoTime();
        try {
            ClientHttpResponse response = execution.execute(request, body);
            if (log.isDebugEnabled()) {
                log.debug(
                        "Graph {} {} -> {} in {} ms",
                        request.getMethod(),
                        request.getURI().getRawPath(),
                        response.getStatusCode().value(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            log.debug(
                    "Graph {} {} failed after {} ms: {}",
                    request.getMethod(),
                    request.getURI().getRawPath(),
                    (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName());
            throw e;
        }
    }
}
