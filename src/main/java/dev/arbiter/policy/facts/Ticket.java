package dev.arbiter.policy.facts;

/** An open support ticket of the customer, priority P1 (highest) to P4. Immutable. */
public final class Ticket {
    private final String id;
    private final String priority;
    private final long ageDays;

    public Ticket(String id, String priority, long ageDays) {
        this.id = id;
        this.priority = priority;
        this.ageDays = ageDays;
    }

    public String getId() { return id; }
    public String getPriority() { return priority; }
    /** Calendar days since the ticket was opened, in the customer's time zone. */
    public long getAgeDays() { return ageDays; }
}
