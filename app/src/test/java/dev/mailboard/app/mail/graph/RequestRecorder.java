package dev.mailboard.app.mail.graph;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records what the client really sends: method, path and headers of each request, and the most requests in
 * flight at once per access token (so per mailbox).
 */
final class RequestRecorder implements ClientHttpRequestInterceptor {

    /** One request as sent. */
    record Sent(String method, String path, String query, HttpHeaders headers, int status) {

        String decodedQuery() {
            return java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String token = String.valueOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        int now = inFlight.computeIfAbsent(token, k -> new AtomicInteger()).incrementAndGet();
        peak.computeIfAbsent(token, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            ClientHttpResponse response = execution.execute(request, body);
            sent.add(new Sent(
                    request.getMethod().name(),
                    request.getURI().getRawPath(),
                    String.valueOf(request.getURI().getRawQuery()),
                    HttpHeaders.copyOf(request.getHeaders()),
                    response.getStatusCode().value()));
            return response;
        } finally {
            inFlight.get(token).decrementAndGet();
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    int peakInFlight(String accessToken) {
        AtomicInteger value = peak.get("Bearer " + accessToken);
        return value == null ? 0 : value.get();
    }

    long count(String method, String pathSuffix) {
        return sent.stream()
                .filter(s -> s.method().equals(method) && s.path().endsWith(pathSuffix))
                .count();
    }
}
