package dev.mailboard.app.mail.graph;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * On a 401 from Graph, renews the call's access token at once and sends the request once more with it; when
 * Graph refuses the renewed token too, reports it ({@link GraphTokenRenewal#refusedAgain}) and hands the 401
 * on. Graph answers 401 {@code InvalidAuthenticationToken} for an expired or revoked access token, which the
 * token's own expiry time cannot foresee (docs/connections.md). Must be the last interceptor, so that the
 * second attempt goes straight to the request.
 */
final class TokenRenewalInterceptor implements ClientHttpRequestInterceptor {

    private final Supplier<@Nullable GraphTokenRenewal> renewal;

    TokenRenewalInterceptor(Supplier<@Nullable GraphTokenRenewal> renewal) {
        this.renewal = renewal;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        String mailbox = GraphCalls.currentMailbox();
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        GraphTokenRenewal renewer = renewal.get();
        if (response.getStatusCode().value() != 401
                || mailbox == null
                || renewer == null
                || authorization == null
                || !authorization.startsWith("Bearer ")) {
            return response;
        }
        Optional<String> fresh = renewer.renew(mailbox, authorization.substring("Bearer ".length()));
        if (fresh.isEmpty()) {
            return response;
        }
        response.close();
        HttpHeaders headers = HttpHeaders.copyOf(request.getHeaders());
        headers.set(HttpHeaders.AUTHORIZATION, GraphCalls.bearer(fresh.get()));
        ClientHttpResponse again = execution.execute(
                new HttpRequestWrapper(request) {
                    @Override
                    public HttpHeaders getHeaders() {
                        return headers;
                    }
                },
                body);
        if (again.getStatusCode().value() == 401) {
            renewer.refusedAgain(mailbox);
        }
        return again;
    }
}
