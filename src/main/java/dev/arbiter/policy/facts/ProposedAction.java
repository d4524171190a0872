package dev.arbiter.policy.facts;

/** An outbound action the caller proposes (MARKETING_OFFER, UPSELL, SURVEY, RETENTION_OFFER). Immutable. */
public final class ProposedAction {
    private final String id;
    private final String type;
    private final String productId;

    public ProposedAction(String id, String type, String productId) {
        this.id = id;
        this.type = type;
        this.productId = productId;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    /** May be null: not every action concerns a product. */
    public String getProductId() { return productId; }
}
