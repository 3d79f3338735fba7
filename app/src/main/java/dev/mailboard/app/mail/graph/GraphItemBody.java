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
        if (content == null || content.length() <= maxChars) {
            return this;
        }
        int end = (int) maxChars;
        // never leave half of a surrogate pair at the cut
        if (end > 0 && Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return new GraphItemBody(contentType, content.substring(0, end));
    }
}
