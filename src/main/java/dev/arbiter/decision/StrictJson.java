package dev.arbiter.decision;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How decision requests are read, wherever they come from (HTTP, scenarios, the CLI): unknown fields, numbers for
 * enums, strings for numbers, numbers or booleans for strings and trailing content are errors.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Applies the strict reading rules to {@code builder} and returns it. */
    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // ALLOW_COERCION_OF_SCALARS does not cover strings: without this, 42 and true pass as "42" and "true".
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** @return a mapper with the strict reading rules and defaults otherwise */
    public static JsonMapper mapper() {
        return apply(JsonMapper.builder()).build();
    }
}
