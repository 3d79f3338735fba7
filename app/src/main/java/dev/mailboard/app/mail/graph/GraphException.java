package dev.mailboard.app.mail.graph;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Graph call that did not succeed, as a kind the caller acts on. Carries Graph's error code and the
 * request path (never a query string or token).
 */
public final class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** 401: the access token was refused; refresh it or mark the connection for reconnect. */
        TOKEN_REJECTED(false),
        /** 403: a scope is missing or access is denied. */
        FORBIDDEN(false),
        /** 404: the item does not exist (deleted, or moved with a non-immutable id). */
        GONE(false),
        /** 409: the request conflicts with what exists (for example a duplicate subscription). */
        CONFLICT(false),
        /** 410 or {@code syncStateNotFound}: a delta token expired; start a full resync. */
        RESYNC_NEEDED(false),
        /** 429 from Graph, or this client's own per-mailbox limit: retry after {@link #retryAfter()}. */
        THROTTLED(true),
        /** 503 or 504: Graph is unavailable for now. */
        UNAVAILABLE(true),
        /** Another 5xx, a timeout or an I/O failure. */
        TRANSIENT(true),
        /** 400 and other 4xx: the request is wrong and retrying it will not help. */
        BAD_REQUEST(false),
        /** A link from Graph points at an untrusted host or scheme; nothing was sent there (S-33). */
        UNTRUSTED_LINK(false),
        /** The answer is larger than this client reads. */
        TOO_LARGE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether the same request may succeed later. */
        public boolean isRetryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final @Nullable Duration retryAfter;

    GraphException(Kind kind, int status, String code, String message, @Nullable Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    GraphException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
        this.code = code;
        this.retryAfter = null;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came (timeout, I/O failure, refused link, local limit). */
    public int status() {
        return status;
    }

    /** Graph's error code (for example {@code ErrorItemNotFound}), or this client's own code. */
    public String code() {
        return code;
    }

    /** How long to wait before retrying, when Graph (or the limiter) said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the same request may succeed later. */
    public boolean isRetryable() {
        return kind.isRetryable();
    }
}
