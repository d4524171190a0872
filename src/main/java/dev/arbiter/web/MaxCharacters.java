package dev.arbiter.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is null or has at most {@link #value()} characters, counted as Unicode code points: an emoji
 * outside the Basic Multilingual Plane is one character (where {@code @Size} counts its two UTF-16 units).
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxCharacters.Validator.class)
public @interface MaxCharacters {

    /** @return the most characters allowed */
    int value();

    String message() default "must be at most {value} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null and strings of at most {@code value} code points. */
    class Validator implements ConstraintValidator<MaxCharacters, String> {

        private int max;

        @Override
        public void initialize(MaxCharacters annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // A string of at most max UTF-16 units has at most max code points: count only the longer ones.
            return value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max;
        }
    }
}
