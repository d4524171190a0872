package dev.arbiter.decision;

/** The customer's loyalty tier. */
public enum Tier { PLATINUM, GOLD, SILVER, STANDARD }
