package dev.arbiter.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import tools.jackson.core.JacksonException;

/**
 * The range a whole-number field takes, in words for a problem document: its {@link Min} and {@link Max} where the
 * field has them, else the range of its Java type.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The smallest and largest value of each whole-number type. */
    private static final Map<Class<?>, long[]> TYPE_RANGES = Map.of(
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

    /** @return whether {@code type} holds whole numbers only */
    static boolean isWhole(Class<?> type) {
        return TYPE_RANGES.containsKey(type);
    }

    /** @return "from 0 to 1200": the range of the whole-number field {@code e} failed to read */
    static String range(JacksonException e, Class<?> type) {
        java.lang.reflect.Field field = lastField(e);
        long[] range = TYPE_RANGES.getOrDefault(type, TYPE_RANGES.get(Integer.class));
        Min min = field == null ? null : field.getAnnotation(Min.class);
        Max max = field == null ? null : field.getAnnotation(Max.class);
        return "from " + (min != null ? min.value() : range[0]) + " to " + (max != null ? max.value() : range[1]);
    }

    /** @return the Java field of the last property on the path of {@code e}, or null */
    private static java.lang.reflect.Field lastField(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(path.size() - 1).getPropertyName() == null) {
            return null;
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        Object from = last.from();
        Class<?> owner = from instanceof Class<?> type ? type : from == null ? Object.class : from.getClass();
        try {
            return owner.getDeclaredField(last.getPropertyName());
        } catch (NoSuchFieldException notThere) {
            return null;
        }
    }
}
