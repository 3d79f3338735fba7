package dev.mailboard.sandbox.graph;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One Graph request, from HTTP or from inside a {@code $batch}.
 *
 * @param segments the path after {@code /v1.0}, decoded, with {@code name('key')} split into two segments
 * @param path the path after {@code /v1.0} as received, for building links
 * @param headers request headers with lower-case names
 * @param graphBase absolute base URL of the emulated Graph, e.g. {@code http://host/sandbox/graph}
 */
record GraphRequest(
        String method,
        List<String> segments,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        String graphBase) {

    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    @Nullable
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String prefer() {
        var value = header("prefer");
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    boolean immutableIds() {
        return prefer().contains("idtype=\"immutableid\"");
    }

    boolean prefersTextBody() {
        return prefer().contains("outlook.body-content-type=\"text\"");
    }

    boolean prefersHtmlBody() {
        return prefer().contains("outlook.body-content-type=\"html\"");
    }

    OptionalInt maxPageSize() {
        var matcher = MAX_PAGE_SIZE.matcher(prefer());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The segment at {@code index}, or empty text past the end. */
    String segment(int index) {
        return index < segments.size() ? segments.get(index) : "";
    }

    boolean is(int index, String name) {
        return segment(index).equalsIgnoreCase(name);
    }
}
