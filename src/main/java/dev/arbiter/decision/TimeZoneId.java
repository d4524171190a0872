package dev.arbiter.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is null or a region id of the IANA time-zone database such as {@code Europe/Berlin},
 * {@code UTC} or {@code Etc/GMT-14}, as the JDK knows them ({@link ZoneId#getAvailableZoneIds()}). Offsets
 * ({@code +02:00}, {@code Z}), offsets after a prefix ({@code GMT+5}) and the JDK's legacy {@code SystemV/...} ids are
 * not: they are no IANA ids.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {

    String message() default "must be an IANA time-zone id such as Europe/Berlin (not an offset such as +02:00)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null and the IANA region ids the JDK knows. */
    class Validator implements ConstraintValidator<TimeZoneId, String> {

        private static final Set<String> IANA_IDS = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> !id.startsWith("SystemV/"))
                .collect(Collectors.toUnmodifiableSet());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IANA_IDS.contains(value);
        }
    }
}
