package dev.mailboard.app.text;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allowlist sanitizer for rich text that Mailboard stores: update bodies, and email bodies (S-59).
 * Only formatting, lists, quotes, code, simple tables and links survive; links only with an absolute
 * {@code https:} or {@code mailto:} URL. No script, style, svg, math, iframe, object, embed, form, base
 * or meta element, no event handler, no style or class attribute, no image.
 */
public final class RichText {

    private static final Pattern SAFE_URL = Pattern.compile("^(https://|mailto:)[^\\s\\p{Cntrl}]+$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del")
            .allowElements("sub", "sup", "small", "mark", "code", "pre", "blockquote", "q", "cite")
            .allowElements("ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowElements("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption")
            .allowElements("a")
            .allowUrlProtocols("https", "mailto")
            .allowAttributes("href")
            .matching((element, attribute, value) -> safeUrl(value))
            .onElements("a")
            .allowAttributes("title")
            .matching(Pattern.compile("[^<>]{0,200}"))
            .onElements("a", "abbr", "span")
            .allowAttributes("colspan", "rowspan")
            .matching(Pattern.compile("[0-9]{1,2}"))
            .onElements("td", "th")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private RichText() {}

    /**
     * Sanitizes HTML so that it is safe to store and render as is.
     *
     * @param html untrusted HTML (or plain text)
     * @return the sanitized HTML, without leading or trailing whitespace
     */
    public static String sanitize(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return POLICY.sanitize(html).strip();
    }

    /**
     * Turns plain text into safe HTML: escaped, with line breaks kept.
     *
     * @param text plain text
     * @return HTML
     */
    public static String fromPlainText(String text) {
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&#34;")
                .replace("'", "&#39;");
        return "<p>" + escaped.strip().replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
    }

    private static @Nullable String safeUrl(String value) {
        String url = value.strip();
        return SAFE_URL.matcher(url.toLowerCase(Locale.ROOT)).matches() ? url : null;
    }
}
