package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.CurrentUser;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers: the {@link CurrentUser} of a test person, query parameters, JSON fields. */
final class TestUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestUsers() {}

    static CurrentUser current(ConnectTestSupport.Person person) {
        return new CurrentUser(
                person.user().id(),
                person.account().id(),
                person.user().email(),
                person.user().displayName(),
                person.user().role());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String jsonField(String json, String field) {
        return JSON.readTree(json).path(field).asString();
    }
}
