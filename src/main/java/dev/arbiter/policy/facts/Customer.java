package dev.arbiter.policy.facts;

/**
 * The customer behind the interaction. {@code tier} is never null (absent means STANDARD);
 * {@code lifetimeValue} may be null when the caller did not send it. Immutable.
 */
public final class Customer {
    private final String id;
    private final String tier;
    private final Double lifetimeValue;
    private final boolean marketingConsent;

    public Customer(String id, String tier, Double lifetimeValue, boolean marketingConsent) {
        this.id = id;
        this.tier = tier;
        this.lifetimeValue = lifetimeValue;
        this.marketingConsent = marketingConsent;
    }

    public String getId() { return id; }
    public String getTier() { return tier; }
    public Double getLifetimeValue() { return lifetimeValue; }
    /** True only when the customer explicitly consented to marketing; absent consent is no consent. */
    public boolean isMarketingConsent() { return marketingConsent; }
}
