package dev.arbiter.decision;

/** What happens to a proposed action: a value of the API contract ({@code actions[].status}). */
public enum ActionStatus { ALLOWED, SUPPRESSED }
