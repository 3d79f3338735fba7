package dev.mailboard.app.mail.graph;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Caps every response body: reading past the limit fails instead of filling the heap (S-57). */
final class ResponseSizeCap implements ClientHttpRequestInterceptor {

    private final long limit;

    ResponseSizeCap(long limit) {
        this.limit = limit;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        return new Capped(execution.execute(request, body), limit);
    }

    private static final class Capped implements ClientHttpResponse {

        private final ClientHttpResponse delegate;
        private final long limit;
        private InputStream body = InputStream.nullInputStream();
        private boolean opened;

        Capped(ClientHttpResponse delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return delegate.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return delegate.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public synchronized InputStream getBody() throws IOException {
            if (!opened) {
                body = new CappedInputStream(delegate.getBody(), limit);
                opened = true;
            }
            return body;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
