package dev.arbiter.policy.tck;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.kie.dmn.feel.lang.types.impl.ComparablePeriod;
import org.kie.dmn.feel.runtime.FEELFunction;
import org.kie.dmn.feel.runtime.Range;
import org.kie.dmn.feel.runtime.custom.ZoneTime;

/**
 * The Java classes FEEL values have in KIE. A result holding anything else (an Integer, a Double, an OffsetDateTime,
 * a java.time.Period) carries a caller's value FEEL never converted: equal to the expected value by the TCK's
 * tolerant comparison, but not the value FEEL would compute, and not what the service reads (it expects BigDecimal).
 */
final class FeelDomain {

    private static final List<Class<?>> FEEL_CLASSES = List.of(BigDecimal.class, String.class, Boolean.class, LocalDate.class,
            LocalTime.class, OffsetTime.class, ZoneTime.class, LocalDateTime.class, ZonedDateTime.class, Duration.class,
            ComparablePeriod.class, Range.class, FEELFunction.class);

    private FeelDomain() {
    }

    /** @return a description of the first value in {@code value} (at any depth) that is not a FEEL value, or null */
    static String foreign(Object value) {
        if (value == null || FEEL_CLASSES.stream().anyMatch(feel -> feel.isInstance(value))) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FeelDomain::foreign).filter(found -> found != null).findFirst().orElse(null);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().map(FeelDomain::foreign).filter(found -> found != null).findFirst().orElse(null);
        }
        return value.getClass().getName() + " " + value;
    }
}
