package dev.arbiter.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * No two proposed actions of the annotated list have the same id: the answer and replay tell actions apart by id.
 * Each repetition is reported at its own {@code [i].id}, naming the earlier action it repeats.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctActionIds.Validator.class)
public @interface DistinctActionIds {

    String message() default "must differ from the ids of the other proposed actions";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null, and lists whose non-null ids are all different. */
    class Validator implements ConstraintValidator<DistinctActionIds, List<DecisionRequest.ProposedAction>> {

        @Override
        public boolean isValid(List<DecisionRequest.ProposedAction> actions, ConstraintValidatorContext context) {
            if (actions == null) {
                return true;
            }
            Map<String, Integer> firstIndex = new HashMap<>();
            boolean valid = true;
            for (int i = 0; i < actions.size(); i++) {
                DecisionRequest.ProposedAction action = actions.get(i);
                Integer first = action == null || action.id() == null ? null : firstIndex.putIfAbsent(action.id(), i);
                if (first != null) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    valid = false;
                    context.buildConstraintViolationWithTemplate("repeats the id of proposedActions[" + first + "]")
                            .addPropertyNode("id").inIterable().atIndex(i).addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
