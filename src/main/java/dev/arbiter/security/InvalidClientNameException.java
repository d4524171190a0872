package dev.arbiter.security;

/**
 * A key cannot be issued under this client name: it is not a valid name, or it is one the service acts under itself.
 * Answered as a 400 naming {@code clientName}; the command line prints the message and exits with status 1.
 */
class InvalidClientNameException extends IllegalArgumentException {

    private final String reason;

    /** @param reason what is wrong with the name, worded to follow the field's name ("must be ...", "is ...") */
    InvalidClientNameException(String reason) {
        super("clientName " + reason);
        this.reason = reason;
    }

    /** @return what is wrong with the name, without the field's name */
    String reason() {
        return reason;
    }
}
