package dev.arbiter.web;

import java.util.List;

/**
 * Query parameters or request-body fields that cannot be used: names each one and what is wrong with it. Answered as
 * a 400 {@code application/problem+json} with {@code errors[]}.
 */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<Problems.FieldError> errors;

    public InvalidFieldsException(List<Problems.FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    /** @return each parameter or field that is wrong, with what is wrong with it */
    public List<Problems.FieldError> errors() {
        return errors;
    }
}
