package dev.arbiter.scoring;

/** A label with the probability a classifier gave it. */
public record LabelScore(String label, double score) {
}
