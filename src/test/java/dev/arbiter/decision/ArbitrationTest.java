package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.PolicyFixtures;
import dev.arbiter.policy.ReasonCatalog;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Outcome;

/** The most severe outcome wins; reasons are ordered by severity, then by catalog order. */
class ArbitrationTest {

    private static ReasonCatalog catalog() {
        return PolicyFixtures.catalog("""
                LEGAL_THREAT: {owner: Legal, message: "legal"}
                HIGH_VALUE_FRUSTRATED: {owner: CX, message: "frustrated"}
                AUTOMATION_PAUSED: {owner: Ops, message: "paused"}
                NO_POLICY_DECISION: {owner: Ops, message: "nothing decided"}
                SENSITIVE_INTENT: {owner: Compliance, message: "sensitive"}
                CONFIDENCE_BELOW_THRESHOLD: {owner: Compliance, message: "low"}
                AUTOMATION_APPROVED: {owner: CX, message: "approved"}
                """);
    }

    private static Finding finding(Outcome outcome, String code) {
        return new Finding(outcome, code, "test:" + code);
    }

    private static Arbitration.Verdict decide(Finding... findings) {
        return Arbitration.decide(List.of(findings), catalog());
    }

    private static List<String> codes(Arbitration.Verdict verdict) {
        return verdict.reasons().stream().map(Finding::getCode).toList();
    }

    @Test
    void mostSevereOutcomeWins() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT"),
                finding(Outcome.ESCALATE, "LEGAL_THREAT"),
                finding(Outcome.ROUTE_TO_AGENT, "AUTOMATION_PAUSED"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.ESCALATE);
    }

    @Test
    void automateFindingsAreDroppedWhenAnythingMoreSevereExists() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.AUTOMATE, "AUTOMATION_APPROVED"),
                finding(Outcome.HUMAN_REVIEW, "CONFIDENCE_BELOW_THRESHOLD"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(codes(verdict)).containsExactly("CONFIDENCE_BELOW_THRESHOLD");
    }

    @Test
    void automateFindingsAloneAutomate() {
        Arbitration.Verdict verdict = decide(finding(Outcome.AUTOMATE, "AUTOMATION_APPROVED"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTOMATE);
        assertThat(codes(verdict)).containsExactly("AUTOMATION_APPROVED");
        assertThat(verdict.queue()).isNull();
    }

    @Test
    void reasonsAreOrderedBySeverityThenCatalogRank() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.HUMAN_REVIEW, "CONFIDENCE_BELOW_THRESHOLD"),
                finding(Outcome.ESCALATE, "HIGH_VALUE_FRUSTRATED"),
                finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT"),
                finding(Outcome.ROUTE_TO_AGENT, "AUTOMATION_PAUSED"),
                finding(Outcome.ESCALATE, "LEGAL_THREAT"));

        assertThat(codes(verdict)).containsExactly("LEGAL_THREAT", "HIGH_VALUE_FRUSTRATED", "AUTOMATION_PAUSED",
                "SENSITIVE_INTENT", "CONFIDENCE_BELOW_THRESHOLD");
    }

    @Test
    void severityComesBeforeCatalogRank() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.HUMAN_REVIEW, "AUTOMATION_PAUSED"),
                finding(Outcome.ESCALATE, "CONFIDENCE_BELOW_THRESHOLD"));

        assertThat(codes(verdict)).containsExactly("CONFIDENCE_BELOW_THRESHOLD", "AUTOMATION_PAUSED");
    }

    @Test
    void firstReasonWithAQueueRoutesTheCase() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.ESCALATE, "HIGH_VALUE_FRUSTRATED").toQueue("executive", "executive-care"),
                finding(Outcome.ESCALATE, "LEGAL_THREAT").toQueue("legal", "legal-counsel"),
                finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT").toQueue("billing", null));

        assertThat(verdict.queue()).isEqualTo("legal");
        assertThat(verdict.skill()).isEqualTo("legal-counsel");
    }

    @Test
    void reasonWithoutQueueIsSkippedWhenChoosingTheQueue() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.ESCALATE, "LEGAL_THREAT"),
                finding(Outcome.ESCALATE, "HIGH_VALUE_FRUSTRATED").toQueue("executive", "executive-care"));

        assertThat(codes(verdict)).first().isEqualTo("LEGAL_THREAT");
        assertThat(verdict.queue()).isEqualTo("executive");
    }

    @Test
    void queueOfADroppedAutomateFindingIsIgnored() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.AUTOMATE, "AUTOMATION_APPROVED").toQueue("orders", "order-support"),
                finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT"));

        assertThat(verdict.queue()).isNull();
    }

    @Test
    void noFindingsMeansHumanReviewWithNoPolicyDecision() {
        Arbitration.Verdict verdict = Arbitration.decide(List.of(), catalog());

        assertThat(verdict.outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(codes(verdict)).containsExactly(Arbitration.NO_DECISION);
        assertThat(Arbitration.NO_DECISION).isEqualTo("NO_POLICY_DECISION");
        assertThat(verdict.reasons().get(0).getOrigin()).isEqualTo(Arbitration.SERVICE_SOURCE);
    }

    @Test
    void codesMissingFromTheCatalogComeLastWithinTheirOutcome() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.HUMAN_REVIEW, "SOMETHING_ELSE"),
                finding(Outcome.HUMAN_REVIEW, "CONFIDENCE_BELOW_THRESHOLD"));

        assertThat(codes(verdict)).containsExactly("CONFIDENCE_BELOW_THRESHOLD", "SOMETHING_ELSE");
    }

    @Test
    void theVerdictDoesNotChangeWhenTheInputListChanges() {
        java.util.ArrayList<Finding> findings = new java.util.ArrayList<>(List.of(finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT")));
        Arbitration.Verdict verdict = Arbitration.decide(findings, catalog());

        findings.add(finding(Outcome.ESCALATE, "LEGAL_THREAT"));

        assertThat(codes(verdict)).containsExactly("SENSITIVE_INTENT");
    }

    @Test
    void advisoryFindingsKeepTheOutcomeAndComeLast() {
        Arbitration.Verdict verdict = decide(
                finding(null, "AUTOMATION_PAUSED"),
                finding(Outcome.AUTOMATE, "AUTOMATION_APPROVED"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTOMATE);
        assertThat(codes(verdict)).containsExactly("AUTOMATION_APPROVED", "AUTOMATION_PAUSED");
    }

    @Test
    void onlyAdvisoryFindingsAreNoDecisionAndAreNotAutomated() {
        Arbitration.Verdict verdict = decide(finding(null, "LEGAL_THREAT"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(codes(verdict)).containsExactly(Arbitration.NO_DECISION, "LEGAL_THREAT");
    }

    @Test
    void aLessSevereReasonNeverMovesTheQueue() {
        Arbitration.Verdict verdict = decide(
                finding(Outcome.ESCALATE, "LEGAL_THREAT"),
                finding(Outcome.HUMAN_REVIEW, "SENSITIVE_INTENT").toQueue("billing", "payments"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(verdict.queue()).as("the escalation keeps the intent's queue").isNull();
    }
}
