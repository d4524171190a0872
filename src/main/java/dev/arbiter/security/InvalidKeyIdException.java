package dev.arbiter.security;

/**
 * What was given as a key id is not one (400). The message says what is wrong without repeating the value, which
 * may be a whole key with its secret.
 */
class InvalidKeyIdException extends RuntimeException {

    InvalidKeyIdException(String message) {
        super(message);
    }
}
