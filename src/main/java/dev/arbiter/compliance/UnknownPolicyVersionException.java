package dev.arbiter.compliance;

/** No stored policy version has the id asked for. */
class UnknownPolicyVersionException extends RuntimeException {

    UnknownPolicyVersionException(String version) {
        super("No stored policy version " + version);
    }
}
