package dev.mailboard.app.accounts;

/**
 * A newly created API token with its secret, shown to its owner once. {@link #toString()} leaves the
 * secret out.
 *
 * @param view the token as it will be listed
 * @param token the secret to send as {@code Authorization: Bearer <token>}
 */
public record IssuedApiToken(ApiTokenView view, String token) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + view + ", token=<redacted>]";
    }
}
