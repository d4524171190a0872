package dev.arbiter.trace;

import java.util.List;

import dev.arbiter.web.Problems;

/** Search parameters that cannot be used; names each one and what is wrong with it. */
public class InvalidSearchException extends RuntimeException {

    private final transient List<Problems.FieldError> errors;

    public InvalidSearchException(List<Problems.FieldError> errors) {
        super(errors.size() + " invalid search parameter(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
