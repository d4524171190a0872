package dev.arbiter.policy.facts;

/**
 * The customer behind the interaction. {@code tier} is never null (absent means STANDARD);
 * {@code lifetimeValue} and {@code churnRisk} may be null when not known. Immutable.
 */
public final class Customer {
    private final String id;
    private final String tier;
    private final Double lifetimeValue;
    private final boolean marketingConsent;
    private final Double churnRisk;

    public Customer(String id, String tier, Double lifetimeValue, boolean marketingConsent, Double churnRisk) {
        this.id = id;
        this.tier = tier;
        this.lifetimeValue = lifetimeValue;
        this.marketingConsent = marketingConsent;
        this.churnRisk = churnRisk;
    }

    public String getId() { return id; }
    public String getTier() { return tier; }
    public Double getLifetimeValue() { return lifetimeValue; }
    /** True only when the customer explicitly consented to marketing; absent consent is no consent. */
    public boolean isMarketingConsent() { return marketingConsent; }
    /** Probability in [0, 1] that the customer leaves, or null when not known. */
    public Double getChurnRisk() { return churnRisk; }
}
