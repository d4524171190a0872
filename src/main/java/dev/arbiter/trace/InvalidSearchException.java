package dev.arbiter.trace;

import java.util.List;

import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;

/** Search parameters that cannot be used; names each one and what is wrong with it. */
public class InvalidSearchException extends InvalidFieldsException {

    public InvalidSearchException(List<Problems.FieldError> errors) {
        super(errors);
    }
}
