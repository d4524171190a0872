package dev.arbiter.policy.tck;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.ChronoPeriod;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The TCK's rules for comparing an expected value with the engine's result: numbers within {@link #NUMBER_TOLERANCE}
 * (as the TCK runners do), lists item by item, contexts entry by entry, dates, times and durations by value,
 * anything else by equality of the same kind of value.
 */
final class TckComparison {

    /** Numbers closer than this are equal (the tolerance the TCK's Java runners use). */
    static final BigDecimal NUMBER_TOLERANCE = new BigDecimal("0.00000001");

    private TckComparison() {
    }

    static boolean equal(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return numbersEqual(e, a);
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return listsEqual(e, a);
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return contextsEqual(e, a);
        }
        if (expected instanceof ChronoPeriod e && actual instanceof ChronoPeriod a) {
            return totalMonths(e) == totalMonths(a);
        }
        if (expected instanceof Duration e && actual instanceof Duration a) {
            return e.equals(a);
        }
        Object e = offsetForm(expected);
        Object a = offsetForm(actual);
        return e.getClass().isAssignableFrom(a.getClass()) && e.equals(a);
    }

    private static boolean numbersEqual(Number expected, Number actual) {
        BigDecimal e = decimal(expected);
        BigDecimal a = decimal(actual);
        if (e == null || a == null) {
            return expected.equals(actual);
        }
        return e.subtract(a).abs().compareTo(NUMBER_TOLERANCE) < 0;
    }

    /** @return the number as a BigDecimal, or null for NaN and infinities */
    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return new BigDecimal(number.toString());
    }

    private static boolean listsEqual(List<?> expected, List<?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!equal(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean contextsEqual(Map<?, ?> expected, Map<?, ?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : expected.entrySet()) {
            if (!actual.containsKey(entry.getKey()) || !equal(entry.getValue(), actual.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static long totalMonths(ChronoPeriod period) {
        return period.get(ChronoUnit.YEARS) * 12 + period.get(ChronoUnit.MONTHS);
    }

    /** A date-time whose zone is a fixed offset is the same value as an OffsetDateTime. */
    private static Object offsetForm(Object value) {
        if (value instanceof ZonedDateTime zoned && zoned.getZone() instanceof ZoneOffset) {
            return zoned.toOffsetDateTime();
        }
        return value;
    }

    /** @return the TCK runners' failure text for a result node */
    static String failure(String node, Object expected, Object actual) {
        return "FAILURE: '" + node + "' expected='" + expected + "' but found='" + actual + "'";
    }
}
