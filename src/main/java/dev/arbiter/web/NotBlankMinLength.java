package dev.arbiter.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.NotBlank;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Gives every {@code @NotBlank} string property {@code minLength: 1} in the OpenAPI document. It cannot be set
 * while the property's schema is built, because the {@code @Size} next to it ({@code min} 0 by default) is applied
 * afterwards: the property is noted then, by its schema and name, and its minimum set once the document is
 * complete. Thread-safe.
 */
final class NotBlankMinLength implements PropertyCustomizer, GlobalOpenApiCustomizer {

    /** Schema name and property name of each property that must not be blank. */
    private final Set<List<String>> notBlank = ConcurrentHashMap.newKeySet();

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        boolean annotated = type.getCtxAnnotations() != null
                && Arrays.stream(type.getCtxAnnotations()).anyMatch(NotBlank.class::isInstance);
        if (annotated && type.getParent() != null && type.getParent().getName() != null && type.getPropertyName() != null) {
            notBlank.add(List.of(type.getParent().getName(), type.getPropertyName()));
        }
        return property;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        for (List<String> key : notBlank) {
            Schema<?> owner = schemas.get(key.get(0));
            Object property = owner == null || owner.getProperties() == null ? null : owner.getProperties().get(key.get(1));
            if (property instanceof Schema<?> string && (string.getMinLength() == null || string.getMinLength() < 1)) {
                string.setMinLength(1);
            }
        }
    }
}
