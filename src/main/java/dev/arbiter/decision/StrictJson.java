package dev.arbiter.decision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How decision requests are read, wherever they come from (HTTP, scenarios, the CLI): unknown fields, numbers for
 * enums, strings for numbers (blank ones and "NaN" or "Infinity" included), numbers or booleans for strings,
 * instants other than ISO-8601 strings with an offset (epoch numbers included) and trailing content are errors.
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
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // A blank string would otherwise pass as null (absent) for a number or a boolean.
                .withCoercionConfig(LogicalType.Integer, numbers -> numbers.setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Float, numbers -> numbers.setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Boolean, booleans -> booleans.setAcceptBlankAsEmpty(false))
                .addModule(new SimpleModule("strict-values")
                        .addDeserializer(Double.class, new NumbersOnlyDoubles())
                        .addDeserializer(Instant.class, new OffsetDateTimesOnly()));
    }

    /** @return a mapper with the strict reading rules and defaults otherwise */
    public static JsonMapper mapper() {
        return apply(JsonMapper.builder()).build();
    }

    /**
     * Reads a {@link Double} from a JSON number (or null) only. Jackson's own reader turns the strings "NaN",
     * "Infinity" and "-Infinity" into numbers whatever the coercion rules say, and NaN passes every range check.
     */
    private static final class NumbersOnlyDoubles extends NumberDeserializers.DoubleDeserializer {

        NumbersOnlyDoubles() {
            super(Double.class, null);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Double) context.handleUnexpectedToken(Double.class, parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * Reads an {@link Instant} from an ISO-8601 date-time string with an offset ({@code 2026-11-21T10:00:00Z},
     * {@code 2026-11-21T11:00:00+01:00}) or null only. Jackson's own reader also takes numbers and numeric strings as
     * epoch seconds, so {@code 1700000000} would pass for a date in 2023.
     */
    private static final class OffsetDateTimesOnly extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time with offset");
            }
        }
    }
}
