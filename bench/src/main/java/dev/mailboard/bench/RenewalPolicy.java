package dev.mailboard.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * The renewal and refresh schedule the {@code renewals} scenario simulates, written down here so the
 * bench can run before the mail module's own policy exists. By agreement it mirrors the documented
 * policy (migration V10: "renew before half the lifetime is left, with jitter so renewals do not bunch";
 * configuration: tokens are refreshed {@code MAILBOARD_CONNECTIONS_REFRESH_MARGIN} = 5 minutes before
 * they expire, by a sweep every minute). When the app's policy lands, this class should call it (or be
 * replaced by it) and {@link #DESCRIPTION} should name it; the result file records which policy ran.
 */
public final class RenewalPolicy {

    /** Recorded in the result file: which policy the figures are for. */
    public static final String DESCRIPTION = "bench mirror (RenewalPolicy): renew_at = expires_at - lifetime/2"
            + " - jitter * " + RenewalPolicy.JITTER_FRACTION + " * lifetime, jitter uniform in [0,1);"
            + " refresh at token expiry - 5 min, picked up by a sweep every minute";

    /** The part of the lifetime over which renewals are spread, before the half-life point. */
    public static final double JITTER_FRACTION = 0.2;

    /** Access tokens are refreshed this long before they expire. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private RenewalPolicy() {}

    /**
     * When to renew a subscription: before half its lifetime is left, earlier by a random part of
     * {@link #JITTER_FRACTION} of the lifetime.
     *
     * @param createdAt when the subscription was created or last renewed
     * @param expiresAt the expiry Graph returned
     * @param jitter a uniform random number in [0, 1)
     * @return the renewal time, never before {@code createdAt}
     */
    public static Instant renewAt(Instant createdAt, Instant expiresAt, double jitter) {
        long lifetimeMillis = Duration.between(createdAt, expiresAt).toMillis();
        long before = lifetimeMillis / 2 + (long) (jitter * JITTER_FRACTION * lifetimeMillis);
        Instant at = expiresAt.minusMillis(before);
        return at.isBefore(createdAt) ? createdAt : at;
    }

    /**
     * When a connection's access token is due for refresh.
     *
     * @param tokenExpiresAt the access token's expiry
     * @return {@link #REFRESH_MARGIN} before it
     */
    public static Instant refreshAt(Instant tokenExpiresAt) {
        return tokenExpiresAt.minus(REFRESH_MARGIN);
    }
}
