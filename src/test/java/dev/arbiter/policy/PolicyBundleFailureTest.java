package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyBundleTest.facts;
import static dev.arbiter.policy.PolicyBundleTest.interaction;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withEdit;
import static dev.arbiter.policy.PolicyFixtures.withFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.policy.facts.ProposedAction;

/**
 * A valid bundle that fails while evaluating throws {@link PolicyEvaluationException}, so that the engine can fail
 * safe, and stays usable for the next decision. Each bundle is built in memory from the shipped files plus one change.
 */
class PolicyBundleFailureTest {

    private static PolicyBundle shippedPlusRule(String file, String rule) {
        return shippedPlusRule(new PolicyLoader(), file, rule);
    }

    private static PolicyBundle shippedPlusRule(PolicyLoader loader, String file, String rule) {
        return loader.load(withFile(shippedFiles(), file, """
                package arbiter.policy;

                import dev.arbiter.policy.facts.*;

                """ + rule));
    }

    @Test
    void ruleWhoseConsequenceThrowsMakesAssessThrowPolicyEvaluationException() {
        PolicyBundle bundle = explodingOnVoiceCalls();

        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).channel("VOICE").build())))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("boom")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void bundleStaysUsableAfterARuleFailed() {
        PolicyBundle bundle = explodingOnVoiceCalls();
        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).channel("VOICE").build())))
                .isInstanceOf(PolicyEvaluationException.class);

        Assessment next = bundle.assess(facts(interaction("track_order", 0.95).build()));

        assertThat(next.findings()).extracting(finding -> finding.getCode()).containsExactly("AUTOMATION_APPROVED");
        assertThat(next.rulesFired()).extracting(RuleFiring::rule).containsExactly("Automation approved");
    }

    @Test
    void findingWithACodeMissingFromTheCatalogFailsAtEvaluation() {
        PolicyBundle bundle = shippedPlusRule("rules/sneaky.drl", """
                rule "Builds its finding by hand"
                when
                    Interaction( channel == "VOICE" )
                then
                    insert( new Finding(Outcome.ESCALATE, "NOT_IN_CATALOG", "rule:sneaky") );
                end
                """);

        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).channel("VOICE").build())))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("NOT_IN_CATALOG");
    }

    @Test
    void suppressionWithACodeMissingFromTheCatalogFailsAtEvaluation() {
        PolicyBundle bundle = shippedPlusRule("rules/sneaky.drl", """
                rule "Builds its suppression by hand"
                when
                    $action : ProposedAction()
                then
                    insert( new Suppression($action.getId(), "NOT_IN_CATALOG", "rule:sneaky") );
                end
                """);
        PolicyFacts facts = facts(interaction("track_order", 0.95).build(), PolicyBundleTest.customer("STANDARD"), List.of(),
                List.of(new ProposedAction("promo-1", "SURVEY", null)));

        assertThatThrownBy(() -> bundle.assess(facts))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("NOT_IN_CATALOG");
    }

    @Test
    void tableRowWithAReasonButNoOutcomeGivesAnAdvisoryFinding() {
        PolicyBundle bundle = new PolicyLoader().load(withEdit(shippedFiles(), "dmn-models/routing.dmn",
                "<outputEntry id=\"route-unknown-intent-outcome\"><text>\"HUMAN_REVIEW\"</text>",
                "<outputEntry id=\"route-unknown-intent-outcome\"><text>null</text>"));

        Assessment assessment = bundle.assess(facts(interaction("no_such_intent", 0.95).build()));

        assertThat(assessment.findings()).filteredOn(finding -> finding.getCode().equals("UNKNOWN_INTENT"))
                .singleElement().satisfies(finding -> assertThat(finding.isAdvisory()).isTrue());
    }

    @Test
    void feelErrorThatOnlyShowsAtEvaluationMakesRouteThrowPolicyEvaluationException() {
        PolicyBundle bundle = new PolicyLoader().load(withEdit(shippedFiles(), "dmn-models/priority.dmn",
                "<text>&lt; -0.5</text>", "<text>&lt;&lt; -0.5</text>"));
        PolicyFacts facts = facts(interaction("track_order", 0.95).sentiment(-0.9, "CALLER").build());

        assertThatThrownBy(() -> bundle.route(facts, Outcome.HUMAN_REVIEW))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("dmn-models/priority.dmn");
    }

    @Test
    void aComputedModelTierOutsideTheContractMakesRouteThrowSoTheDecisionFailsSafe() {
        PolicyBundle bundle = new PolicyLoader().load(withEdit(shippedFiles(), "dmn-models/model-tier.dmn",
                "<outputEntry id=\"thv-o\"><text>\"HEAVY\"</text>", "<outputEntry id=\"thv-o\"><text>lower case(\"HEAVY\")</text>"));
        PolicyFacts facts = facts(interaction("switch_account", 0.95).build());

        assertThatThrownBy(() -> bundle.route(facts, Outcome.AUTOMATE))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("model tier heavy")
                .hasMessageContaining("LIGHT, HEAVY or NONE");
    }

    @Test
    void aComputedPriorityOutsideOneToFourMakesRouteThrowSoTheDecisionFailsSafe() {
        PolicyBundle bundle = new PolicyLoader().load(withEdit(shippedFiles(), "dmn-models/priority.dmn",
                "<outputEntry id=\"pu-o\"><text>Base priority</text>", "<outputEntry id=\"pu-o\"><text>Base priority + 1</text>"));
        PolicyFacts facts = facts(interaction("track_order", 0.95).build());

        assertThatThrownBy(() -> bundle.route(facts, Outcome.HUMAN_REVIEW))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("priority 5")
                .hasMessageContaining("a whole number from 1 to 4");
    }

    @Test
    void aRuleThatKeepsReactivatingItselfIsStoppedAtTheFiringLimitNamingTheRule() {
        PolicyBundle bundle = loopingOnChats(new PolicyLoader());

        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).build())))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessage("rule 'Looping rule' (rules/loop.drl) fired 10,000 times in one evaluation, which reached the"
                        + " limit of 10,000 rule firings (arbiter.policy.max-rule-firings): a rule that keeps re-activating"
                        + " itself (update/modify without a guard or no-loop)");
    }

    @Test
    void bundleStaysUsableAfterALoopWasStopped() {
        PolicyBundle bundle = loopingOnChats(new PolicyLoader());
        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).build())))
                .isInstanceOf(PolicyEvaluationException.class);

        Assessment next = bundle.assess(facts(interaction("track_order", 0.95).channel("VOICE").build()));

        assertThat(next.findings()).extracting(finding -> finding.getCode()).containsExactly("AUTOMATION_APPROVED");
    }

    @Test
    void theFiringLimitIsTheLoadersAndNamesTheRuleThatFiredMost() {
        PolicyBundle bundle = loopingOnChats(new PolicyLoader(50));

        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).build())))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("rule 'Looping rule' (rules/loop.drl) fired 50 times")
                .hasMessageContaining("limit of 50 rule firings");
    }

    @Test
    void aDecisionThatFiresFewerRulesThanTheLimitIsUnaffected() {
        PolicyBundle bundle = new PolicyLoader(3).load(shippedFiles());
        PolicyFacts facts = facts(interaction("track_order", 0.95).build(), PolicyBundleTest.customer("STANDARD"),
                List.of(new dev.arbiter.policy.facts.PhraseMatch("legal-threat", "sue", "message", false)), List.of());

        Assessment assessment = bundle.assess(facts);

        assertThat(assessment.rulesFired()).hasSizeLessThan(3);
        assertThat(assessment.findings()).extracting(finding -> finding.getCode()).contains("LEGAL_THREAT");
    }

    @Test
    void aRuleReactivatedByTheLoopIsNamedWithIt() {
        PolicyBundle bundle = shippedPlusRule("rules/loop.drl", """
                rule "Looping rule"
                when
                    $i : Interaction( channel == "CHAT" )
                then
                    update( $i );
                end

                rule "Bystander"
                salience 10
                when
                    Interaction( channel == "CHAT" )
                then
                    insert( new Suppression("none", "QUIET_HOURS", "rule:bystander") );
                end
                """);

        assertThatThrownBy(() -> bundle.assess(facts(interaction("track_order", 0.95).build())))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageStartingWith("rules 'Bystander' (rules/loop.drl) fired 5,000 times and 'Looping rule' (rules/loop.drl)"
                        + " 5,000 times in one evaluation, which reached the limit of 10,000 rule firings")
                .hasMessageEndingWith("rules that keep re-activating themselves or each other (update/modify without a guard"
                        + " or no-loop)");
    }

    @Test
    void theFiringLimitMustBePositive() {
        assertThatThrownBy(() -> new PolicyLoader(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    /** The shipped policy plus a rule that updates the interaction it matched, so it matches again, without end. */
    private static PolicyBundle loopingOnChats(PolicyLoader loader) {
        return shippedPlusRule(loader, "rules/loop.drl", """
                rule "Looping rule"
                when
                    $i : Interaction( channel == "CHAT" )
                then
                    update( $i );
                end
                """);
    }

    /** The shipped policy plus a rule whose consequence throws for every VOICE interaction. */
    private static PolicyBundle explodingOnVoiceCalls() {
        return shippedPlusRule("rules/exploding.drl", """
                rule "Explodes on voice calls"
                when
                    Interaction( channel == "VOICE" )
                then
                    throw new IllegalStateException("boom");
                end
                """);
    }
}
