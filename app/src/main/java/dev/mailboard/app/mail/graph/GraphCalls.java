package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs Graph calls: through the mailbox's limiter, with explicit timeouts (S-72), capped response sizes
 * (S-57), and every failure turned into a {@link GraphException}.
 */
final class GraphCalls {

    /**
     * Writes request bodies (the {@code $batch} reads, sends, subscriptions) on reused daemon threads: left to
     * itself, the JDK request factory starts a new thread for every request that has a body.
     */
    private static final Executor BODY_WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "graph-body-writer");
        thread.setDaemon(true);
        return thread;
    });

    private static final ThreadLocal<@Nullable String> CURRENT_MAILBOX = new ThreadLocal<>();

    /** Asks for ids that survive moves; Graph wants it on every request. */
    static final String IMMUTABLE_IDS = "IdType=\"ImmutableId\"";

    private final GraphApi api;
    private final GraphApi streamingApi;
    private final RestClient raw;
    private final MailboxLimiter limiter;
    private final GraphErrors errors;
    private final JsonMapper json;

    GraphCalls(GraphProperties properties, Clock clock, List<ClientHttpRequestInterceptor> extra) {
        this.json = GraphJson.mapper();
        this.errors = new GraphErrors(json, clock);
        this.limiter = new MailboxLimiter(
                properties.maxConcurrentPerMailbox(),
                properties.slotWait(),
                properties.requestBudget(),
                properties.budgetWindow(),
                clock);
        RestClient capped =
                client(properties, extra, properties.maxResponseSize().toBytes());
        this.raw = client(properties, extra, Long.MAX_VALUE);
        this.api = proxy(capped);
        this.streamingApi = proxy(raw);
    }

    static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    MailboxLimiter limiter() {
        return limiter;
    }

    JsonMapper json() {
        return json;
    }

    GraphErrors errors() {
        return errors;
    }

    /** One request to a mailbox, reading at most the configured response size. */
    <T> T call(String mailbox, String what, Function<GraphApi, T> call) {
        return call(mailbox, 1, what, () -> call.apply(api));
    }

    /**
     * One request whose answer may be large but whose big fields are skipped while streaming (attachment
     * lists: their records ignore {@code contentBytes}).
     */
    <T> T stream(String mailbox, String what, Function<GraphApi, T> call) {
        return call(mailbox, 1, what, () -> call.apply(streamingApi));
    }

    /** A request that counts as {@code requests} against the mailbox's budget (a {@code $batch}). */
    <T> T calls(String mailbox, int requests, String what, Function<GraphApi, T> call) {
        return call(mailbox, requests, what, () -> call.apply(api));
    }

    /** An attachment's bytes if they are at most {@code maxBytes}; never reads more than about that much. */
    Optional<byte[]> attachmentContent(GraphAccess access, String messageId, String attachmentId, long maxBytes) {
        // base64 grows by 4/3; the rest of the JSON is small
        long cap = maxBytes / 3 * 4 + 8 + 64 * 1024;
        return call(
                access.mailbox(),
                1,
                "GET attachment content",
                () -> raw.get()
                        .uri("/me/messages/{message}/attachments/{attachment}", messageId, attachmentId)
                        .header(HttpHeaders.AUTHORIZATION, access.bearer())
                        .header("Prefer", IMMUTABLE_IDS)
                        .exchange((request, response) -> {
                            if (response.getStatusCode().isError()) {
                                throw errors.from(request, response);
                            }
                            try (InputStream in = response.getBody()) {
                                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
                                if (bytes.length > cap) {
                                    return Optional.<byte[]>empty();
                                }
                                byte[] content = json.readValue(bytes, AttachmentContent.class)
                                        .contentBytes();
                                return content == null || content.length > maxBytes
                                        ? Optional.<byte[]>empty()
                                        : Optional.of(content);
                            }
                        }));
    }

    /** The mailbox key of the call running on this thread, for {@link TokenRenewalInterceptor}; or null. */
    static @Nullable String currentMailbox() {
        return CURRENT_MAILBOX.get();
    }

    private <T> T call(String mailbox, int requests, String what, java.util.function.Supplier<T> call) {
        String outer = CURRENT_MAILBOX.get();
        CURRENT_MAILBOX.set(mailbox);
        try (MailboxLimiter.Permit permit = limiter.acquire(mailbox, requests)) {
            return call.get();
        } catch (GraphException e) {
            if (e.status() == 429) {
                e.retryAfter().ifPresent(wait -> limiter.throttledBy(mailbox, wait));
            }
            throw e;
        } catch (RestClientException e) {
            throw GraphErrors.fromTransport(e, what);
        } finally {
            if (outer == null) {
                CURRENT_MAILBOX.remove();
            } else {
                CURRENT_MAILBOX.set(outer);
            }
        }
    }

    private RestClient client(GraphProperties properties, List<ClientHttpRequestInterceptor> extra, long maxBytes) {
        URI base = properties.baseUrl();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(
                        "http".equalsIgnoreCase(base.getScheme())
                                ? HttpClient.Version.HTTP_1_1
                                : HttpClient.Version.HTTP_2)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, BODY_WRITERS);
        factory.setReadTimeout(properties.readTimeout());
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(base)
                .requestFactory(factory)
                .configureMessageConverters(
                        c -> c.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .requestInterceptor(new GraphRequestLog())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw errors.from(request, response);
                });
        if (maxBytes < Long.MAX_VALUE) {
            builder.requestInterceptor(new ResponseSizeCap(maxBytes));
        }
        extra.forEach(builder::requestInterceptor);
        return builder.build();
    }

    private static GraphApi proxy(RestClient client) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(GraphApi.class);
    }

    /**
     * A single attachment with its content.
     *
     * @param contentBytes the decoded base64 content
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttachmentContent(byte @Nullable [] contentBytes) {}
}
