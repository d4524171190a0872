package dev.arbiter.decision;

/** Kind of an earlier contact with the customer. */
public enum ContactKind { MARKETING, SERVICE }
