package dev.arbiter.lifecycle;

/** An uploaded candidate is malformed (a bad path, missing content): a client mistake. */
class InvalidCandidateException extends RuntimeException {
    private final String field;

    InvalidCandidateException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
