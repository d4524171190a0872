package dev.arbiter.decision;

/** Priority of an open ticket, P1 highest. */
public enum TicketPriority { P1, P2, P3, P4 }
