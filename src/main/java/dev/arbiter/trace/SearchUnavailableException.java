package dev.arbiter.trace;

/** The decision traces cannot be searched now (the database failed); nothing about the search itself is wrong. */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(Throwable cause) {
        super("Decision traces cannot be searched", cause);
    }
}
