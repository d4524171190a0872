package dev.arbiter.policy;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.core.impl.BaseDMNTypeImpl;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.lang.types.impl.ComparablePeriod;

/**
 * Converts the values callers give (Java objects, as read from a JSON body or built by the service) into the values
 * FEEL itself works with, so that a model sees an input exactly as it would see the same FEEL literal:
 * <ul>
 * <li>every number, at any depth, becomes a {@link BigDecimal} with the digits the caller wrote (a double
 * {@code 0.1} is {@code 0.1}, not its binary expansion); NaN and infinities, which are not FEEL numbers, become null;</li>
 * <li>characters become strings; arrays and other collections become lists; maps become contexts with string keys;</li>
 * <li>an {@link OffsetDateTime} or an {@link Instant} becomes the zoned date and time FEEL uses; a {@link Period}
 * becomes a normalized years and months duration ({@code P14M} is {@code P1Y2M}), or a days and time duration when it
 * holds only days;</li>
 * <li>where the model declares a date, time, date and time or duration type (also in a list or a structure), a string
 * is read as that FEEL literal, as {@code date("2024-05-01")} would read it: JSON has no such values. A string FEEL
 * cannot read is left as it is, for the engine's type check to report.</li>
 * </ul>
 * Everything else (strings, booleans, FEEL's own date, time and duration values, other objects) is left as it is.
 */
public final class FeelValues {

    private static final Set<BuiltInType> TEXT_TYPES = Set.of(BuiltInType.DATE, BuiltInType.TIME, BuiltInType.DATE_TIME,
            BuiltInType.DURATION);

    private FeelValues() {
    }

    /** @return {@code value} as FEEL sees it, when nothing declares its type */
    public static Object toFeel(Object value) {
        return toFeel(value, null);
    }

    /**
     * @param type the type the model declares for the value (input data, a decision's result), or null
     * @return {@code value} as FEEL sees it
     */
    public static Object toFeel(Object value, DMNType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return context(map, type);
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            return list(value, type);
        }
        if (value instanceof String text) {
            return text(text, type);
        }
        return scalar(value);
    }

    private static Object scalar(Object value) {
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toZonedDateTime();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (value instanceof Period period) {
            return duration(period);
        }
        return value;
    }

    private static BigDecimal number(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // Float.toString gives a float's own shortest digits (0.1f is 0.1, not 0.100000001490116...).
            return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** FEEL has two durations: years and months, normalized; days and time. */
    private static Object duration(Period period) {
        if (period.getDays() == 0) {
            return new ComparablePeriod(period.normalized());
        }
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return Duration.ofDays(period.getDays());
        }
        return period;
    }

    private static Object text(String text, DMNType type) {
        BuiltInType builtIn = builtInType(type);
        if (builtIn == null || !TEXT_TYPES.contains(builtIn)) {
            return text;
        }
        try {
            Object parsed = builtIn.fromString(text);
            return parsed == null ? text : parsed;
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static List<Object> list(Object value, DMNType type) {
        DMNType itemType = itemType(type);
        List<Object> list = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> list.add(toFeel(item, itemType)));
        } else {
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(toFeel(Array.get(value, i), itemType));
            }
        }
        return list;
    }

    private static Map<String, Object> context(Map<?, ?> map, DMNType type) {
        Map<String, DMNType> fields = type != null && type.isComposite() ? type.getFields() : Map.of();
        Map<String, Object> context = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            String name = String.valueOf(key);
            context.put(name, toFeel(entry, fields.get(name)));
        });
        return context;
    }

    /**
     * @return the type of a list's items: a collection's base type, or (for a collection of structures) the structure;
     *         null when the list's type is not known
     */
    private static DMNType itemType(DMNType type) {
        if (type == null || !type.isCollection()) {
            return null;
        }
        return type.getBaseType() != null ? type.getBaseType() : type;
    }

    /** @return the FEEL built-in type a declared type comes down to, or null (unknown, a list, a structure) */
    private static BuiltInType builtInType(DMNType type) {
        for (DMNType current = type; current != null && !current.isCollection(); current = current.getBaseType()) {
            if (current instanceof BaseDMNTypeImpl impl && impl.getFeelType() instanceof BuiltInType builtIn) {
                return builtIn == BuiltInType.UNKNOWN ? null : builtIn;
            }
        }
        return null;
    }
}
