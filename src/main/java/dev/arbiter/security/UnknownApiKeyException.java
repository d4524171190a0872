package dev.arbiter.security;

/** No API key has the given id (404). */
public class UnknownApiKeyException extends RuntimeException {

    UnknownApiKeyException(String keyId) {
        super("No API key has the id " + keyId);
    }
}
