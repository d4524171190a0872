package dev.arbiter.policy.facts;

/** A product the customer returned, with its reason (DEFECT, DAMAGED, UNWANTED, OTHER). Immutable. */
public final class ProductReturn {
    private final String productId;
    private final String reason;
    private final long daysAgo;

    public ProductReturn(String productId, String reason, long daysAgo) {
        this.productId = productId;
        this.reason = reason;
        this.daysAgo = daysAgo;
    }

    public String getProductId() { return productId; }
    public String getReason() { return reason; }
    /** Calendar days between the return and the interaction, both taken in the customer's time zone. */
    public long getDaysAgo() { return daysAgo; }
}
