package dev.arbiter.policy.facts;

/** An earlier contact with the customer (MARKETING or SERVICE). Immutable. */
public final class Contact {
    private final String kind;
    private final long daysAgo;

    public Contact(String kind, long daysAgo) {
        this.kind = kind;
        this.daysAgo = daysAgo;
    }

    public String getKind() { return kind; }
    /** Calendar days between the contact and the interaction, both taken in the customer's time zone. */
    public long getDaysAgo() { return daysAgo; }
}
