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
 * The annotated string is null or an id that reads back as it was sent: wherever it is shown, searched or exported
 * (CSV), what a person sees is all there is. Refused, each with its own message:
 * <ul>
 *   <li>control characters ({@link Character#isISOControl}: NUL, TAB, CR, LF, DEL, ...);</li>
 *   <li>invisible format characters (Unicode category Cf: zero-width spaces and joiners, direction marks and
 *       overrides, the byte order mark, the soft hyphen);</li>
 *   <li>line and paragraph separators (U+2028, U+2029) and unpaired surrogates, which no encoding can write;</li>
 *   <li>white space (including no-break spaces) at its start or end.</li>
 * </ul>
 * Anything else is accepted: letters of every script, digits, punctuation, emoji, spaces inside. Emptiness is left
 * to {@code @NotBlank}, length to {@link MaxCharacters}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PrintableId.Validator.class)
public @interface PrintableId {

    String CONTROL = "must not contain control characters";
    String FORMAT = "must not contain invisible format characters such as zero-width spaces or direction marks";
    String SEPARATOR = "must not contain line or paragraph separators";
    String SURROGATE = "must not contain unpaired surrogates";
    String SURROUNDING_SPACE = "must not start or end with white space";

    /** @return the message when no more specific one applies; every refusal has its own (see the constants above) */
    String message() default CONTROL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null and strings without the characters above. Thread-safe. */
    class Validator implements ConstraintValidator<PrintableId, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = value == null ? null : problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        /** @return what is wrong with {@code value} (one of the messages above), or null when nothing is */
        static String problem(String value) {
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                if (Character.isISOControl(c)) {
                    return CONTROL;
                }
                switch (Character.getType(c)) {
                    case Character.FORMAT -> {
                        return FORMAT;
                    }
                    case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                        return SEPARATOR;
                    }
                    case Character.SURROGATE -> {
                        return SURROGATE; // a paired surrogate was read as one code point above
                    }
                    default -> {
                    }
                }
                i += Character.charCount(c);
            }
            if (!value.isEmpty() && (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length())))) {
                return SURROUNDING_SPACE;
            }
            return null;
        }

        private static boolean isSpace(int c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }
}
