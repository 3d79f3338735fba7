package dev.mailboard.app.operations;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares a JSON answer with the OpenAPI schema documented for it: every field it has is documented with the
 * right type, every required field is there, and null appears only where the schema allows it.
 */
final class SchemaCheck {

    private final OpenAPI api;
    private final List<String> problems;

    SchemaCheck(OpenAPI api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    void check(String where, Schema<?> schema, JsonNode value) {
        Schema<?> resolved = resolve(schema);
        List<Schema> choices = resolved.getOneOf() != null ? resolved.getOneOf() : resolved.getAnyOf();
        if (choices != null) {
            boolean any = choices.stream().anyMatch(choice -> {
                List<String> found = new ArrayList<>();
                new SchemaCheck(api, found).check(where, choice, value);
                return found.isEmpty();
            });
            if (!any) {
                problems.add(where + ": matches none of its documented alternatives: " + value);
            }
            return;
        }
        Set<String> types = types(resolved);
        if (value.isNull()) {
            if (!types.contains("null") && !Boolean.TRUE.equals(resolved.getNullable())) {
                problems.add(where + ": is null, but not documented as nullable");
            }
            return;
        }
        if (types.isEmpty() && resolved.getProperties() != null) {
            types = Set.of("object");
        }
        if (types.isEmpty()) {
            return;
        }
        if (!types.contains(typeOf(value)) && !(types.contains("number") && "integer".equals(typeOf(value)))) {
            problems.add(where + ": is " + typeOf(value) + ", documented as " + types);
            return;
        }
        if (value.isArray() && resolved.getItems() != null) {
            int i = 0;
            for (JsonNode element : value) {
                check(where + "[" + i++ + "]", resolved.getItems(), element);
            }
        } else if (value.isObject()) {
            object(where, resolved, value);
        }
    }

    private void object(String where, Schema<?> schema, JsonNode value) {
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        Object additional = schema.getAdditionalProperties();
        for (String field : value.propertyNames()) {
            Schema<?> property = properties.get(field);
            if (property != null) {
                check(where + "." + field, property, value.get(field));
            } else if (additional instanceof Schema<?> extra) {
                check(where + "." + field, extra, value.get(field));
            } else if (!Boolean.TRUE.equals(additional)) {
                problems.add(where + "." + field + ": is in the answer but not documented");
            }
        }
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                if (!value.has(required)) {
                    problems.add(where + "." + required + ": is documented as required but missing");
                }
            }
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        while (current.get$ref() != null) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = api.getComponents().getSchemas().get(name);
        }
        return current;
    }

    private static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    private static String typeOf(JsonNode value) {
        if (value.isObject()) {
            return "object";
        } else if (value.isArray()) {
            return "array";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        }
        return "string";
    }
}
