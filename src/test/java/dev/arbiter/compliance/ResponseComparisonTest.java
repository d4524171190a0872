package dev.arbiter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.decision.DecisionResponse.ActionView;
import dev.arbiter.decision.DecisionResponse.ReasonView;
import dev.arbiter.policy.facts.Outcome;

/** A replay's answer is compared with the recorded one field by field, naming each field that changed. */
class ResponseComparisonTest {

    private static DecisionResponse response(Outcome outcome, String queue, List<String> reasons, List<ActionView> actions,
                                             Double churnRisk) {
        return new DecisionResponse("d-1", null, Instant.EPOCH, outcome, new DecisionResponse.Route(queue, "skill", 2, "NONE"),
                new DecisionResponse.IntentView("track_order", 0.9, "CALLER"), null, churnRisk, null, actions,
                reasons.stream().map(code -> new ReasonView(code, "message of " + code, "rules/x.drl#" + code, outcome)).toList(),
                null, "v1", List.of());
    }

    private static ActionView action(String id, String... reasons) {
        return new ActionView(id, reasons.length == 0 ? "ALLOWED" : "SUPPRESSED", List.of(reasons), List.of());
    }

    @Test
    void equalAnswersHaveNoDifference() {
        DecisionResponse recorded = response(Outcome.HUMAN_REVIEW, "billing", List.of("A", "B"), List.of(action("p", "X")), 0.3);

        assertThat(ResponseComparison.differences(recorded, response(Outcome.HUMAN_REVIEW, "billing", List.of("A", "B"),
                List.of(action("p", "X")), 0.3))).isEmpty();
    }

    @Test
    void eachChangedFieldIsNamedWithBothValues() {
        DecisionResponse recorded = response(Outcome.HUMAN_REVIEW, "billing", List.of("A", "B"), List.of(action("p", "X")), 0.3);
        DecisionResponse replayed = response(Outcome.ESCALATE, "legal", List.of("B", "A"), List.of(action("p")), null);

        assertThat(ResponseComparison.differences(recorded, replayed))
                .extracting(ReplayReport.Difference::field, ReplayReport.Difference::recorded, ReplayReport.Difference::replayed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("outcome", "HUMAN_REVIEW", "ESCALATE"),
                        org.assertj.core.groups.Tuple.tuple("route.queue", "billing", "legal"),
                        org.assertj.core.groups.Tuple.tuple("reasons", List.of("A", "B"), List.of("B", "A")),
                        org.assertj.core.groups.Tuple.tuple("churnRisk", 0.3, null),
                        org.assertj.core.groups.Tuple.tuple("actions[p].status", "SUPPRESSED", "ALLOWED"),
                        org.assertj.core.groups.Tuple.tuple("actions[p].reasons", List.of("X"), List.of()));
    }

    @Test
    void anActionOnlyOneSideHasIsADifference() {
        DecisionResponse recorded = response(Outcome.AUTOMATE, "orders", List.of("A"), List.of(action("p")), null);
        DecisionResponse replayed = response(Outcome.AUTOMATE, "orders", List.of("A"), List.of(), null);

        assertThat(ResponseComparison.differences(recorded, replayed)).extracting(ReplayReport.Difference::field)
                .containsExactly("actions[p].status", "actions[p].reasons");
    }
}
