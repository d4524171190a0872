package dev.arbiter.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.arbiter.decision.DecisionResponse;

/**
 * Compares two answers to the same request field by field: outcome, route, reasons (codes in order), next best
 * action, churn risk, each proposed action (status and reason codes) and intent. Stateless.
 */
final class ResponseComparison {

    private ResponseComparison() {
    }

    /** @return every compared field whose value differs, in response order; empty when the answers agree */
    static List<ReplayReport.Difference> differences(DecisionResponse recorded, DecisionResponse replayed) {
        List<ReplayReport.Difference> differences = new ArrayList<>();
        compare(differences, "outcome", recorded, replayed, response -> response.outcome() == null ? null : response.outcome().name());
        compare(differences, "route.queue", recorded, replayed, response -> route(response).queue());
        compare(differences, "route.skill", recorded, replayed, response -> route(response).skill());
        compare(differences, "route.priority", recorded, replayed, response -> route(response).priority());
        compare(differences, "route.modelTier", recorded, replayed, response -> route(response).modelTier());
        compare(differences, "reasons", recorded, replayed, ResponseComparison::reasonCodes);
        compare(differences, "nextBestAction", recorded, replayed, DecisionResponse::nextBestAction);
        compare(differences, "churnRisk", recorded, replayed, DecisionResponse::churnRisk);
        compareActions(differences, actions(recorded), actions(replayed));
        compare(differences, "intent.label", recorded, replayed, response -> intent(response).label());
        compare(differences, "intent.confidence", recorded, replayed, response -> intent(response).confidence());
        return differences;
    }

    private static void compare(List<ReplayReport.Difference> differences, String field, DecisionResponse recorded,
                                DecisionResponse replayed, Function<DecisionResponse, Object> value) {
        add(differences, field, value.apply(recorded), value.apply(replayed));
    }

    private static void add(List<ReplayReport.Difference> differences, String field, Object recorded, Object replayed) {
        if (!Objects.equals(recorded, replayed)) {
            differences.add(new ReplayReport.Difference(field, recorded, replayed));
        }
    }

    private static void compareActions(List<ReplayReport.Difference> differences, Map<String, DecisionResponse.ActionView> recorded,
                                       Map<String, DecisionResponse.ActionView> replayed) {
        Set<String> ids = new LinkedHashSet<>(recorded.keySet());
        ids.addAll(replayed.keySet());
        for (String id : ids) {
            DecisionResponse.ActionView before = recorded.get(id);
            DecisionResponse.ActionView after = replayed.get(id);
            String field = "actions[" + id + "]";
            add(differences, field + ".status", before == null ? null : before.status(), after == null ? null : after.status());
            add(differences, field + ".reasons", before == null ? null : before.reasons(), after == null ? null : after.reasons());
        }
    }

    private static DecisionResponse.Route route(DecisionResponse response) {
        return response.route() == null ? new DecisionResponse.Route(null, null, null, null) : response.route();
    }

    private static DecisionResponse.IntentView intent(DecisionResponse response) {
        return response.intent() == null ? new DecisionResponse.IntentView(null, null, null) : response.intent();
    }

    private static List<String> reasonCodes(DecisionResponse response) {
        return response.reasons() == null ? List.of()
                : response.reasons().stream().map(DecisionResponse.ReasonView::code).toList();
    }

    private static Map<String, DecisionResponse.ActionView> actions(DecisionResponse response) {
        Map<String, DecisionResponse.ActionView> byId = new LinkedHashMap<>();
        if (response.actions() != null) {
            response.actions().forEach(action -> byId.put(action.id(), action));
        }
        return byId;
    }
}
