package dev.arbiter.support;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decision request bodies for tests, built as JSON trees so that tests can also send what the Java records
 * could never hold (unknown values, wrong types, missing fields). Every method returns a fresh tree.
 */
public final class DecisionRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionRequests() {
    }

    /** The request of DESIGN.md's Decision API example: a platinum customer who cannot pay the bill. */
    public static ObjectNode designExampleRequest() {
        return (ObjectNode) JSON.readTree("""
                {
                  "requestId": "design-example",
                  "lineOfBusiness": "RETAIL",
                  "at": "2026-11-21T10:00:00Z",
                  "customer": {
                    "id": "c-123", "tier": "PLATINUM", "lifetimeValue": 12500.0, "timeZone": "Europe/Berlin",
                    "consents": { "marketing": true },
                    "openTickets":   [ { "id": "T-9", "priority": "P1", "openedAt": "2026-11-20T09:00:00Z" } ],
                    "recentReturns": [ { "productId": "SKU-1", "reason": "DEFECT", "returnedAt": "2026-11-10T12:00:00Z" } ],
                    "recentContacts":[ { "kind": "MARKETING", "at": "2026-11-19T12:00:00Z" } ],
                    "profile": { "tenureMonths": 14, "contract": "Month-to-month", "monthlyCharges": 70.35 }
                  },
                  "interaction": {
                    "channel": "CHAT", "message": "I can't pay my bill", "history": ["earlier customer messages, oldest first"],
                    "intent":    { "label": "payment_issue", "confidence": 0.97 },
                    "sentiment": -0.4,
                    "aiAnswer":  { "confidence": 0.91 }
                  },
                  "proposedActions": [ { "id": "promo-42", "type": "MARKETING_OFFER", "productId": "SKU-1" } ]
                }
                """);
    }

    /**
     * A calm standard customer asking where a parcel is, with a confident caller-supplied intent, in daytime:
     * nothing stands in the way of automation. No request id, so every post is a new decision.
     */
    public static ObjectNode automatableChatRequest() {
        return (ObjectNode) JSON.readTree("""
                {
                  "lineOfBusiness": "RETAIL",
                  "at": "2026-11-21T10:00:00Z",
                  "customer": { "id": "c-auto", "tier": "STANDARD", "timeZone": "Europe/Berlin" },
                  "interaction": {
                    "channel": "CHAT", "message": "Where is my parcel?",
                    "intent": { "label": "track_order", "confidence": 0.95 },
                    "sentiment": 0.1
                  }
                }
                """);
    }

    /** The automatable request on another channel. */
    public static ObjectNode automatableRequestOn(String channel) {
        return with(automatableChatRequest(), "interaction.channel", channel);
    }

    /** @return a copy of {@code request} with the caller-supplied intent confidence replaced */
    public static ObjectNode withIntentConfidence(ObjectNode request, double confidence) {
        return with(request, "interaction.intent.confidence", confidence);
    }

    /** @return a copy of {@code request} carrying the idempotency key */
    public static ObjectNode withRequestId(ObjectNode request, String requestId) {
        return with(request, "requestId", requestId);
    }

    /** @return a request id no other test uses */
    public static String uniqueRequestId(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    /** @return a copy of {@code request} with {@code count} proposed marketing offers */
    public static ObjectNode withProposedActions(ObjectNode request, int count) {
        ArrayNode actions = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            actions.add(JSON.createObjectNode().put("id", "offer-" + i).put("type", "MARKETING_OFFER"));
        }
        return with(request, "proposedActions", actions);
    }

    /** @return a copy of {@code request} with {@code count} earlier messages */
    public static ObjectNode withHistory(ObjectNode request, int count) {
        ArrayNode history = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            history.add("earlier message " + i);
        }
        return with(request, "interaction.history", history);
    }

    /**
     * @param path  dotted field names with optional indexes, e.g. {@code customer.openTickets[0].priority};
     *              missing objects on the way are created
     * @param value a String, Number, Boolean, null or JsonNode
     * @return a copy of {@code request} with the value at {@code path} replaced
     */
    public static ObjectNode with(ObjectNode request, String path, Object value) {
        ObjectNode copy = request.deepCopy();
        JsonNode node = value instanceof JsonNode tree ? tree : JSON.valueToTree(value);
        Step last = walk(copy, path);
        if (last.parent instanceof ObjectNode object) {
            object.set(last.name, node);
        } else {
            ((ArrayNode) last.parent).set(last.index, node);
        }
        return copy;
    }

    /** @return a copy of {@code request} without the field at {@code path} */
    public static ObjectNode without(ObjectNode request, String path) {
        ObjectNode copy = request.deepCopy();
        Step last = walk(copy, path);
        ((ObjectNode) last.parent).remove(last.name);
        return copy;
    }

    private record Step(JsonNode parent, String name, int index) {
    }

    /** @return the container holding the last step of {@code path}, and that step */
    private static Step walk(ObjectNode root, String path) {
        String[] steps = path.replace("[", ".[").split("\\.");
        JsonNode current = root;
        for (int i = 0; i < steps.length - 1; i++) {
            current = child(current, steps[i]);
        }
        String last = steps[steps.length - 1];
        return last.startsWith("[") ? new Step(current, null, index(last)) : new Step(current, last, -1);
    }

    private static JsonNode child(JsonNode parent, String step) {
        if (step.startsWith("[")) {
            return parent.get(index(step));
        }
        ObjectNode object = (ObjectNode) parent;
        if (!object.has(step)) {
            object.set(step, JSON.createObjectNode());
        }
        return object.get(step);
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }
}
