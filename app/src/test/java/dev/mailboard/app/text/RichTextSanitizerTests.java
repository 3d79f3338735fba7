package dev.mailboard.app.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S-59: every payload of the XSS corpus, sanitized by {@link RichText}, is re-parsed with jsoup (an
 * HTML5 parser, as a browser parses) and must contain no forbidden element, no event handler, no style
 * and no URL other than https: or mailto:. The output must also survive a second parse-and-serialize
 * round unchanged in safety (no mutation XSS) and sanitizing must be idempotent.
 */
class RichTextSanitizerTests {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script",
            "style",
            "svg",
            "math",
            "iframe",
            "object",
            "embed",
            "form",
            "base",
            "meta",
            "link",
            "img",
            "frame",
            "frameset",
            "applet",
            "template",
            "noscript",
            "textarea",
            "input",
            "button",
            "select",
            "video",
            "audio",
            "source",
            "xmp",
            "title",
            "animate",
            "set",
            "use",
            "foreignobject",
            "isindex");
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "background",
            "poster",
            "srcset",
            "cite",
            "srcdoc",
            "lowsrc",
            "dynsrc",
            "codebase");

    static Stream<String> corpus() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(RichTextSanitizerTests.class.getResourceAsStream("/text/xss-corpus.txt"))) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
            assertThat(lines).hasSizeGreaterThan(80);
            return lines.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void leavesNothingForbidden(String payload) {
        String stored = RichText.sanitize(payload);

        assertSafe(stored, payload);
        String reserialized = Jsoup.parseBodyFragment(stored).body().html();
        assertSafe(reserialized, payload);
        assertThat(RichText.sanitize(stored)).as("idempotent for %s", payload).isEqualTo(stored);
    }

    @Test
    void keepsFormattingAndSafeLinks() {
        String stored = RichText.sanitize("<p><strong>bold</strong> <em>it</em> <u>u</u></p><ul><li>one</li></ul>"
                + "<blockquote>q</blockquote><pre><code>x</code></pre>"
                + "<a href=\"https://example.com/a?b=1&amp;c=2\">link</a> <a href=\"mailto:a@example.com\">mail</a>");

        Document parsed = Jsoup.parseBodyFragment(stored);
        assertThat(parsed.select("strong, em, u, ul > li, blockquote, pre > code"))
                .hasSize(6);
        assertThat(parsed.select("a").eachAttr("href"))
                .containsExactly("https://example.com/a?b=1&c=2", "mailto:a@example.com");
        assertThat(parsed.select("a").attr("rel")).contains("noopener").contains("noreferrer");
    }

    @Test
    void turnsPlainTextIntoEscapedHtml() {
        assertThat(RichText.fromPlainText("a < b\n<script>x</script>"))
                .isEqualTo("<p>a &lt; b<br>&lt;script&gt;x&lt;/script&gt;</p>");
        assertThat(RichText.sanitize(null)).isEmpty();
    }

    private static void assertSafe(String html, String payload) {
        Document parsed = Jsoup.parseBodyFragment(html);
        for (Element element : parsed.body().getAllElements()) {
            String name = element.normalName();
            assertThat(FORBIDDEN_ELEMENTS)
                    .as("element <%s> from %s -> %s", name, payload, html)
                    .doesNotContain(name);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key)
                        .as("attribute %s from %s -> %s", key, payload, html)
                        .doesNotStartWith("on");
                assertThat(key).as("style from %s", payload).isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(key) || key.endsWith(":href")) {
                    String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(value.startsWith("https://") || value.startsWith("mailto:"))
                            .as("URL %s=%s from %s -> %s", key, value, payload, html)
                            .isTrue();
                }
            }
        }
    }
}
