package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.Nullable;

/**
 * A message body: {@code {"contentType": "html" | "text", "content"}}.
 *
 * @param contentType {@code html} or {@code text}
 * @param content the body
 */
public record GraphItemBody(
        @Nullable String contentType, @Nullable String content) {

    /** A plain-text body. */
    public static GraphItemBody text(String content) {
        return new GraphItemBody("text", content);
    }

    /** An HTML body. */
    public static GraphItemBody html(String content) {
        return new GraphItemBody("html", content);
    }

    boolean isLongerThan(long maxChars) {
        return content != null && content.length() > maxChars;
    }

    GraphItemBody cutTo(long maxChars) {
        return content == null || content.length() <= maxChars
                ? this
                : new GraphItemBody(contentType, content.substring(0, (int) maxChars));
    }
}
