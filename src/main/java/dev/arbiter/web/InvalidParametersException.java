package dev.arbiter.web;

import java.util.List;

/**
 * Query parameters that cannot be used: names each one and what is wrong with it. Answered as a 400
 * {@code application/problem+json} with {@code errors[]}.
 */
public class InvalidParametersException extends RuntimeException {

    private final transient List<Problems.FieldError> errors;

    public InvalidParametersException(List<Problems.FieldError> errors) {
        super(errors.size() + " invalid parameter(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    /** @return each parameter that is wrong, with what is wrong with it */
    public List<Problems.FieldError> errors() {
        return errors;
    }
}
