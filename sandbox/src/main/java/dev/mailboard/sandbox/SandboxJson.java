package dev.mailboard.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's own JSON mapper, kept apart from the host's so the wire format never depends on host settings. */
public final class SandboxJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The mapper. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Writes a value as JSON text. */
    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Parses JSON text; blank text gives an empty object. */
    public JsonNode read(String text) {
        return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
    }
}
