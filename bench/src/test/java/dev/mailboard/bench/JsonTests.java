package dev.mailboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void writesNestedValuesAndEscapesStrings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "a \"quoted\"\nline");
        map.put("count", 3);
        map.put("ratio", 0.5);
        map.put("missing", Double.NaN);
        map.put("rounded", 499.97);
        map.put("small", 0.0123456);
        map.put("list", Arrays.asList(1, null, true));
        map.put("empty", List.of());

        String json = Json.write(map);

        assertThat(json)
                .contains("\"name\": \"a \\\"quoted\\\"\\nline\"")
                .contains("\"count\": 3")
                .contains("\"ratio\": 0.5")
                .contains("\"missing\": null")
                .contains("\"rounded\": 500,")
                .contains("\"small\": 0.01235")
                .contains("\"empty\": []");
    }
}
