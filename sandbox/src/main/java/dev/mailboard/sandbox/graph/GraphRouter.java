package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.faults.Faults;
import dev.mailboard.sandbox.faults.Throttle;
import dev.mailboard.sandbox.identity.AccessTokens;
import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Authenticates, throttles, injects faults and dispatches every Graph request. */
final class GraphRouter {

    private final AccessTokens tokens;
    private final Mailboxes mailboxes;
    private final Throttle throttle;
    private final Faults faults;
    private final MailRoutes mail;
    private final SubscriptionResources subscriptions;
    private final BatchHandler batch;
    private final GraphErrors errors;
    private final SandboxJson json;
    private final SandboxClock clock;

    GraphRouter(
            AccessTokens tokens,
            Mailboxes mailboxes,
            Throttle throttle,
            Faults faults,
            MailRoutes mail,
            SubscriptionResources subscriptions,
            SandboxJson json,
            SandboxClock clock) {
        this.tokens = tokens;
        this.mailboxes = mailboxes;
        this.throttle = throttle;
        this.faults = faults;
        this.mail = mail;
        this.subscriptions = subscriptions;
        this.batch = new BatchHandler(this, json);
        this.errors = new GraphErrors(json);
        this.json = json;
        this.clock = clock;
    }

    GraphResponse handle(GraphRequest request) {
        try {
            var caller = authenticate(request);
            if (request.is(0, "oidc") && request.is(1, "userinfo")) {
                return userInfo(caller);
            }
            if (!request.is(0, "v1.0")) {
                throw GraphException.badRequest("Invalid version: " + request.segment(0));
            }
            var inner = withoutVersion(request);
            if (inner.is(0, "$batch") && inner.segments().size() == 1) {
                return batch.handle(inner, caller);
            }
            return guarded(inner, caller);
        } catch (GraphException e) {
            return errors.render(e, clock.now(), request.header("client-request-id"));
        }
    }

    /** Runs one request (top-level or inside a batch) within the throttle and the injected faults. */
    GraphResponse guarded(GraphRequest request, Caller caller) {
        try {
            var target = target(request, caller);
            var retryAfter = throttle.acquire(caller.appId(), target.id());
            if (retryAfter.isPresent()) {
                throw tooMany(retryAfter.getAsDouble(), "Application is over its MailboxConcurrency or request limit.");
            }
            try {
                injectFaults();
                return dispatch(request, caller, target);
            } finally {
                throttle.release(caller.appId(), target.id());
            }
        } catch (GraphException e) {
            return errors.render(e, clock.now(), request.header("client-request-id"));
        }
    }

    private GraphResponse dispatch(GraphRequest request, Caller caller, Mailbox target) {
        if (request.is(0, "subscriptions")) {
            return subscriptions.handle(request, caller);
        }
        int rest = request.is(0, "me") ? 1 : 2;
        return mail.handle(request, caller, target, rest);
    }

    private Mailbox target(GraphRequest request, Caller caller) {
        var own = mailboxes
                .find(caller.userId())
                .orElseThrow(() -> new GraphException(
                        401, "InvalidAuthenticationToken", "The user of this token no longer exists."));
        if (request.is(0, "users")) {
            var user = mailboxes
                    .find(request.segment(1))
                    .orElseThrow(() -> new GraphException(
                            404, "ErrorInvalidUser", "The requested user '" + request.segment(1) + "' is invalid."));
            if (!user.id().equals(own.id())) {
                throw GraphException.accessDenied();
            }
            return user;
        }
        if (!request.is(0, "me") && !request.is(0, "subscriptions")) {
            throw GraphException.badRequest("Resource not found for the segment '" + request.segment(0) + "'.");
        }
        return own;
    }

    private void injectFaults() {
        long latency = faults.latencyMillis();
        if (latency > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var settings = faults.settings();
        var retryAfter = settings.retryAfterSeconds();
        if (faults.roll(settings.rate429())) {
            throw tooMany(retryAfter, "Please retry again later.");
        }
        if (faults.roll(settings.rate503())) {
            throw new GraphException(
                    503, "serviceNotAvailable", "Service Unavailable", Map.of("Retry-After", seconds(retryAfter)));
        }
        if (faults.roll(settings.rate504())) {
            throw new GraphException(504, "UnknownError", "Gateway Timeout");
        }
    }

    private Caller authenticate(GraphRequest request) {
        var header = request.header("authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
        }
        try {
            return tokens.verify(header.substring(7).trim());
        } catch (AccessTokens.InvalidTokenException e) {
            throw new GraphException(
                    401,
                    "InvalidAuthenticationToken",
                    String.valueOf(e.getMessage()),
                    Map.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\""));
        }
    }

    private GraphResponse userInfo(Caller caller) {
        var user = mailboxes.find(caller.userId()).orElseThrow(GraphException::notFound);
        var body = new LinkedHashMap<String, Object>();
        body.put("sub", user.id());
        body.put("name", user.displayName());
        body.put("email", user.address());
        return GraphResponse.json(200, json.write(body));
    }

    private static GraphRequest withoutVersion(GraphRequest r) {
        var path = r.path().substring(Math.min(r.path().length(), r.path().indexOf('/') + 1));
        return new GraphRequest(
                r.method(),
                r.segments().subList(1, r.segments().size()),
                r.path().contains("/") ? path : "",
                r.query(),
                r.headers(),
                r.body(),
                r.graphBase());
    }

    static GraphException tooMany(double retryAfter, String message) {
        return new GraphException(429, "TooManyRequests", message, Map.of("Retry-After", seconds(retryAfter)));
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
