package dev.arbiter.scoring;

/**
 * Names a model that produced a score.
 *
 * @param name    the model's name, e.g. {@code intent}
 * @param version the model's version: the hash of its provenance
 */
public record ModelRef(String name, String version) {
}
