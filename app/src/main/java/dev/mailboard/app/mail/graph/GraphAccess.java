package dev.mailboard.app.mail.graph;

/**
 * Who a Graph call is for: the mailbox key the limiter counts against (for example the connection id) and
 * the access token the connections module gave for it. {@link #toString()} never shows the token.
 *
 * @param mailbox the mailbox key
 * @param accessToken the bearer token, kept in memory only for the call
 */
public record GraphAccess(String mailbox, String accessToken) {

    public GraphAccess {
        if (mailbox.isBlank() || accessToken.isBlank()) {
            throw new IllegalArgumentException("a Graph call needs a mailbox key and an access token");
        }
    }

    String bearer() {
        return GraphCalls.bearer(accessToken);
    }

    @Override
    public String toString() {
        return "GraphAccess[mailbox=" + mailbox + ", accessToken=(redacted)]";
    }
}
