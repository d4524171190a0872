package dev.arbiter.decision;

/** Kind of a proposed outbound action. */
public enum ActionType { MARKETING_OFFER, UPSELL, SURVEY, RETENTION_OFFER }
