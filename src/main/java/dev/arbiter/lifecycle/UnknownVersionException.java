package dev.arbiter.lifecycle;

/** No stored policy version has the id asked for. */
class UnknownVersionException extends RuntimeException {
    UnknownVersionException(String version) {
        super("No stored policy version " + version);
    }
}
