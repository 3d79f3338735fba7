package dev.mailboard.sandbox.faults;

/**
 * Injected faults; rates are probabilities between 0 and 1, drawn from a random sequence seeded with {@code seed}.
 *
 * @param latencyMs delay added to every Graph request
 * @param latencyJitterMs up to this much more delay, at random
 * @param rate429 share of Graph requests answered 429 with Retry-After
 * @param rate503 share answered 503 with Retry-After
 * @param rate504 share answered 504
 * @param dropNotifications share of notification batches silently dropped
 * @param duplicateNotifications share of notification batches delivered twice
 * @param delta410 share of delta requests with a token answered 410 syncStateNotFound
 * @param retryAfterSeconds the Retry-After of injected 429 and 503 answers (decimal seconds)
 * @param seed seed of the random sequence
 * @param validationTokenWrongKey share of rich-notification batches whose validation tokens are signed with a key
 *     that is not published in the JWKS (under the published key's id)
 * @param validationTokenWrongAppId share of rich-notification batches whose validation tokens carry an {@code appid}
 *     other than Graph's change-notification publisher
 */
public record FaultSettings(
        long latencyMs,
        long latencyJitterMs,
        double rate429,
        double rate503,
        double rate504,
        double dropNotifications,
        double duplicateNotifications,
        double delta410,
        double retryAfterSeconds,
        long seed,
        double validationTokenWrongKey,
        double validationTokenWrongAppId) {

    /** No faults. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 0, 0, 0, 0, 1.5, 42, 0, 0);
}
