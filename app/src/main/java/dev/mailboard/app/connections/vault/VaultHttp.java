package dev.mailboard.app.connections.vault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls HashiCorp Vault's HTTP API with the service's token, with connect and read timeouts on every call
 * (S-72). Every failure becomes a {@link TokenVaultException} naming the operation and the status, never a
 * request or response body, so that the caller fails closed (S-40).
 */
final class VaultHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final String address;

    VaultHttp(URI address, String token, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1: the JDK client's h2c upgrade attempt on plain http confuses some servers and proxies.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        this.address = address.toString().replaceAll("/+$", "");
        this.client = RestClient.builder()
                .requestFactory(factory)
                .defaultHeader("X-Vault-Token", token)
                .build();
    }

    /** Vault refused a KV v2 write because the secret is not at the check-and-set version. */
    static final class CasConflictException extends TokenVaultException {
        private static final long serialVersionUID = 1L;

        CasConflictException(String what) {
            super("Vault refused " + what + ": the secret is not at the expected version");
        }
    }

    JsonNode post(String what, String path, Object body) {
        return call(
                        what,
                        () -> client.post()
                                .uri(uri(path))
                                .contentType(MediaType.APPLICATION_JSON)
                                // Streamed, not handed to a message converter: converters log bodies at DEBUG.
                                .body(stream -> JSON.writeValue(stream, body))
                                .exchange((request, response) -> read(what, response.getStatusCode(), response), true))
                .orElseThrow(() -> failure(what, HttpStatus.NOT_FOUND));
    }

    Optional<JsonNode> get(String what, String path) {
        return call(
                what,
                () -> client.get()
                        .uri(uri(path))
                        .exchange((request, response) -> read(what, response.getStatusCode(), response), true));
    }

    void delete(String what, String path) {
        call(
                what,
                () -> client.delete()
                        .uri(uri(path))
                        .exchange((request, response) -> read(what, response.getStatusCode(), response), true));
    }

    String address() {
        return address;
    }

    private URI uri(String path) {
        return URI.create(address + path);
    }

    private Optional<JsonNode> call(String what, VaultCall call) {
        try {
            return call.run();
        } catch (RestClientException e) {
            // Timeouts and refused connections: the message names the URL, which holds no secret.
            throw new TokenVaultException("Vault at " + address + " did not answer " + what, e);
        }
    }

    private static Optional<JsonNode> read(
            String what, HttpStatusCode status, RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws IOException {
        if (status.is2xxSuccessful()) {
            JsonNode body = status.value() == 204 ? null : response.bodyTo(JsonNode.class);
            return Optional.of(body == null ? MissingNode.getInstance() : body);
        }
        if (status.value() == 404) {
            return Optional.empty();
        }
        if (status.value() == 400) {
            String body = response.bodyTo(String.class);
            if (body != null && body.contains("check-and-set")) {
                throw new CasConflictException(what);
            }
        }
        throw failure(what, status);
    }

    private static TokenVaultException failure(String what, HttpStatusCode status) {
        String hint = switch (status.value()) {
            case 403 -> " (permission denied: check the Vault token and its policy)";
            case 503 -> " (Vault is sealed or in standby)";
            default -> "";
        };
        return new TokenVaultException("Vault answered " + status.value() + " to " + what + hint);
    }

    @FunctionalInterface
    private interface VaultCall {
        Optional<JsonNode> run();
    }
}
