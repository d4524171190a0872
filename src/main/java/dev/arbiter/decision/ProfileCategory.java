package dev.arbiter.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated profile field is null (absent: the churn model uses its default) or one of the values of its
 * {@link Values} set, ignoring case and surrounding spaces as the churn model does. The sets are the IBM Telco values
 * the shipped churn model was trained on (models/README.md), so that a typo is a 400, never a silent default.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProfileCategory.Validator.class)
public @interface ProfileCategory {

    /** @return the values the field takes */
    Values value();

    String message() default "must be one of the documented values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The value sets of the category fields of {@link DecisionRequest.Profile}. */
    enum Values {
        CONTRACT("Month-to-month", "One year", "Two year"),
        MULTIPLE_LINES("No", "No phone service", "Yes"),
        INTERNET_SERVICE("DSL", "Fiber optic", "No"),
        INTERNET_ADD_ON("No", "No internet service", "Yes"),
        PAYMENT_METHOD("Bank transfer (automatic)", "Credit card (automatic)", "Electronic check", "Mailed check");

        private final List<String> allowed;

        Values(String... allowed) {
            this.allowed = List.of(allowed);
        }

        /** @return the values, as the churn model knows them */
        public List<String> allowed() {
            return allowed;
        }

        boolean allows(String value) {
            return allowed.stream().anyMatch(value.trim()::equalsIgnoreCase);
        }
    }

    /** Accepts null and the values of the set, ignoring case and surrounding spaces. */
    class Validator implements ConstraintValidator<ProfileCategory, String> {

        private Values values;

        @Override
        public void initialize(ProfileCategory annotation) {
            values = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || values.allows(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + values.allowed()).addConstraintViolation();
            return false;
        }
    }
}
