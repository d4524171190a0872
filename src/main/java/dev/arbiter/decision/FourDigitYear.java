package dev.arbiter.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated instant is null or falls in the years 0001 to 9999 (UTC), as ISO-8601 writes them with four digits.
 * {@link Instant} reaches a billion years either way, further than a date in any time zone can go: such instants
 * cannot be placed in the customer's time zone.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FourDigitYear.Validator.class)
public @interface FourDigitYear {

    String message() default "must be in the years 0001 to 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null and instants from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. */
    class Validator implements ConstraintValidator<FourDigitYear, Instant> {

        static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }
}
