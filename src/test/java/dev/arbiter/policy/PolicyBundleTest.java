package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.shippedBundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.facts.Customer;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.policy.facts.ProposedAction;

/** The shipped bundle evaluated directly on small hand-built facts: what fired, which rows, which comparisons. */
class PolicyBundleTest {

    static Interaction.Builder interaction(String intent, Double confidence) {
        return Interaction.builder()
                .channel("CHAT")
                .lineOfBusiness("RETAIL")
                .intent(intent, confidence, confidence == null ? "NONE" : "CALLER", confidence == null ? "no model" : null)
                .sentiment(0.0, "CALLER")
                .localTime(12, 0, "Europe/Berlin");
    }

    static Customer customer(String tier) {
        return new Customer("c-1", tier, null, true, null);
    }

    static PolicyFacts facts(Interaction interaction, Customer customer, List<PhraseMatch> phrases, List<ProposedAction> actions) {
        return new PolicyFacts(interaction, customer, List.of(), List.of(), List.of(), actions, phrases);
    }

    static PolicyFacts facts(Interaction interaction) {
        return facts(interaction, customer("STANDARD"), List.of(), List.of());
    }

    private static List<String> codes(Assessment assessment) {
        return assessment.findings().stream().map(Finding::getCode).toList();
    }

    private static TableEvaluation table(List<TableEvaluation> tables, String decision) {
        return tables.stream().filter(table -> table.decision().equals(decision)).findFirst()
                .orElseThrow(() -> new AssertionError("no evaluation of " + decision + " in " + tables));
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    @Test
    void firedRulesAreReportedWithTheirFile() {
        PolicyFacts facts = facts(interaction("track_order", 0.95).build(), customer("STANDARD"),
                List.of(new PhraseMatch("legal-threat", "sue", "message", false)), List.of());

        Assessment assessment = shippedBundle().assess(facts);

        assertThat(assessment.rulesFired()).contains(new RuleFiring("rules/escalation.drl", "Legal threat"));
        assertThat(assessment.findings()).filteredOn(finding -> finding.getCode().equals("LEGAL_THREAT")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.ESCALATE);
                    assertThat(finding.getQueue()).isEqualTo("legal");
                    assertThat(finding.getValues()).containsEntry("phrases", List.of("sue"));
                    assertThat(shippedBundle().sourceOf(finding.getOrigin())).isEqualTo("rules/escalation.drl#Legal threat");
                });
    }

    @Test
    void rulesOfEveryFileReportTheirOwnFile() {
        PolicyFacts paused = facts(interaction("track_order", 0.95).automationPaused("GLOBAL").build());
        PolicyFacts noScore = facts(interaction(null, null).build());

        assertThat(shippedBundle().assess(paused).rulesFired()).extracting(RuleFiring::file).contains("rules/kill-switch.drl");
        assertThat(shippedBundle().assess(noScore).rulesFired()).extracting(RuleFiring::file).contains("rules/fail-safe.drl");
    }

    @Test
    void confidentKnownIntentIsApprovedForAutomationByTheAutomationRule() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.95).build()));

        assertThat(codes(assessment)).containsExactly("AUTOMATION_APPROVED");
        assertThat(assessment.rulesFired()).extracting(RuleFiring::file).containsExactly("rules/automation.drl");
    }

    @Test
    void suppressionsNameTheActionTheyStop() {
        PolicyFacts facts = facts(interaction("track_order", 0.95).localTime(22, 30, "Europe/Berlin").build(),
                customer("STANDARD"), List.of(), List.of(new ProposedAction("promo-1", "SURVEY", null)));

        Assessment assessment = shippedBundle().assess(facts);

        assertThat(assessment.suppressions()).singleElement().satisfies(suppression -> {
            assertThat(suppression.getActionId()).isEqualTo("promo-1");
            assertThat(suppression.getCode()).isEqualTo("QUIET_HOURS");
            assertThat(suppression.getValues()).containsEntry("localTime", "22:30");
        });
        assertThat(assessment.rulesFired()).contains(new RuleFiring("rules/suppression.drl", "Quiet hours"));
    }

    // --- decision tables ---------------------------------------------------------------------------------------------

    @Test
    void tableEvaluationsReportMatchedAndSelectedRowIds() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.95).build()));

        TableEvaluation queue = table(assessment.tables(), "Queue");
        assertThat(queue.file()).isEqualTo("dmn-models/routing.dmn");
        assertThat(queue.selectedIds()).containsExactly("route-orders");
        assertThat(queue.matchedIds()).contains("route-orders");
        assertThat(queue.selectedRows()).hasSize(1);
        assertThat(queue.matchedRows()).contains(queue.selectedRows().get(0));
        assertThat(assessment.queue()).isEqualTo("orders");
        assertThat(assessment.skill()).isEqualTo("order-support");

        TableEvaluation threshold = table(assessment.tables(), "Automation threshold");
        assertThat(threshold.file()).isEqualTo("dmn-models/confidence-thresholds.dmn");
        assertThat(threshold.selectedIds()).containsExactly("threshold-default");
        assertThat(assessment.automationThreshold()).isEqualTo(0.85);
    }

    @Test
    void regulatedLineOfBusinessSelectsTheStricterThreshold() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.95).lineOfBusiness("HEALTHCARE").build()));

        assertThat(table(assessment.tables(), "Automation threshold").selectedIds()).containsExactly("threshold-regulated");
        assertThat(assessment.automationThreshold()).isEqualTo(0.92);
    }

    @Test
    void tableRowWithAReasonBecomesAFindingNamingItsRow() {
        Assessment assessment = shippedBundle().assess(facts(interaction("contact_human_agent", 0.95).build()));

        assertThat(assessment.findings()).filteredOn(finding -> finding.getCode().equals("CUSTOMER_REQUESTED_HUMAN"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.ROUTE_TO_AGENT);
                    assertThat(finding.getOrigin()).startsWith("dmn-models/routing.dmn#Queue/row ")
                            .endsWith("(route-human-requested)");
                });
    }

    @Test
    void comparisonBelowTheThresholdRecordsValueThresholdAndFailure() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.849).build()));

        assertThat(assessment.comparisons()).singleElement().satisfies(comparison -> {
            assertThat(comparison.subject()).isEqualTo("intent");
            assertThat(comparison.value()).isEqualTo(0.849);
            assertThat(comparison.threshold()).isEqualTo(0.85);
            assertThat(comparison.passed()).isFalse();
            assertThat(comparison.source()).startsWith("dmn-models/confidence-thresholds.dmn#Confidence check/row ")
                    .endsWith("(intent-confidence-too-low)");
        });
        assertThat(assessment.findings()).filteredOn(finding -> finding.getCode().equals("CONFIDENCE_BELOW_THRESHOLD"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.HUMAN_REVIEW);
                    assertThat(finding.getValues()).containsEntry("value", 0.849).containsEntry("threshold", 0.85)
                            .containsEntry("subject", "intent");
                });
        assertThat(codes(assessment)).doesNotContain("AUTOMATION_APPROVED");
    }

    @Test
    void confidenceEqualToTheThresholdPasses() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.85).build()));

        assertThat(assessment.comparisons()).singleElement().satisfies(comparison -> {
            assertThat(comparison.value()).isEqualTo(0.85);
            assertThat(comparison.passed()).isTrue();
        });
        assertThat(codes(assessment)).containsExactly("AUTOMATION_APPROVED");
    }

    @Test
    void answerConfidenceIsComparedToo() {
        Assessment assessment = shippedBundle().assess(facts(interaction("track_order", 0.95).answerConfidence(0.5).build()));

        assertThat(assessment.comparisons()).extracting(Comparison::subject, Comparison::passed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("intent", true),
                        org.assertj.core.groups.Tuple.tuple("AI answer", false));
    }

    // --- route -------------------------------------------------------------------------------------------------------

    @Test
    void routeGivesPriorityAndModelTierOnceTheOutcomeIsKnown() {
        PolicyFacts facts = facts(interaction("track_order", 0.95).build());

        RoutePlan automated = shippedBundle().route(facts, Outcome.AUTOMATE);
        RoutePlan escalated = shippedBundle().route(facts, Outcome.ESCALATE);

        assertThat(automated.priority()).isEqualTo(4);
        assertThat(automated.modelTier()).isEqualTo("LIGHT");
        assertThat(escalated.priority()).isEqualTo(1);
        assertThat(escalated.modelTier()).isEqualTo("NONE");
        assertThat(table(escalated.tables(), "Base priority").selectedIds()).containsExactly("priority-escalation");
        assertThat(table(escalated.tables(), "Model tier").file()).isEqualTo("dmn-models/model-tier.dmn");
    }

    @Test
    void negativeSentimentRaisesPriorityByOneStep() {
        PolicyFacts facts = facts(interaction("track_order", 0.95).sentiment(-0.6, "CALLER").build(), customer("GOLD"),
                List.of(), List.of());

        RoutePlan plan = shippedBundle().route(facts, Outcome.HUMAN_REVIEW);

        assertThat(plan.priority()).isEqualTo(1);
        assertThat(table(plan.tables(), "Base priority").selectedIds()).containsExactly("priority-gold");
        assertThat(table(plan.tables(), "Priority").selectedIds()).containsExactly("priority-negative-sentiment");
    }
}
