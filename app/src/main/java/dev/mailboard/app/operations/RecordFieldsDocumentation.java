package dev.mailboard.app.operations;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Documents in the OpenAPI document what the code's own null markers say of the API's records (the schema
 * generator does not read JSpecify): a field marked {@code @Nullable} may be null or left out (a plain property
 * gets the type {@code null} beside its own; a reference becomes "the reference or null"); every other field is
 * required, in requests as in answers.
 */
@Component
class RecordFieldsDocumentation implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema model = schema;
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = component.getName();
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class)) {
                properties.put(name, nullable(property));
            } else if (!optional(raw, name)
                    && (model.getRequired() == null || !model.getRequired().contains(name))) {
                model.addRequiredItem(name);
            }
        }
        return schema;
    }

    /** A field the record fills in itself when it is left out, marked {@code @Schema(requiredMode = NOT_REQUIRED)}. */
    private static boolean optional(Class<?> record, String name) {
        try {
            io.swagger.v3.oas.annotations.media.Schema schema =
                    record.getDeclaredField(name).getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            return schema != null
                    && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
        } catch (NoSuchFieldException e) {
            return true;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema nothing = new Schema<>();
            nothing.setTypes(Set.of("null"));
            Schema either = new Schema<>();
            either.setAnyOf(List.of(property, nothing));
            return either;
        }
        Set<String> types = property.getTypes() != null
                ? new LinkedHashSet<>(property.getTypes())
                : new LinkedHashSet<>(property.getType() == null ? Set.of() : Set.of(property.getType()));
        if (types.isEmpty()) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }
}
