package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyBundleTest.customer;
import static dev.arbiter.policy.PolicyBundleTest.facts;
import static dev.arbiter.policy.PolicyBundleTest.interaction;
import static dev.arbiter.policy.PolicyFixtures.shippedBundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.facts.Customer;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.policy.facts.ProposedAction;
import dev.arbiter.policy.facts.Suppression;

/**
 * One bundle serves every request: the per-request recordings of fired rules and evaluated tables must not leak
 * between threads evaluating different facts at the same time.
 */
class PolicyBundleConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    /** Everything an evaluation reports, as text, so that two evaluations can be compared with equals. */
    private record Result(List<String> findings, List<String> suppressions, List<String> rules, List<String> tables,
                          List<String> comparisons, String queue, Double threshold, int priority, String modelTier,
                          List<String> routeTables) {
    }

    private static List<PolicyFacts> differentFacts() {
        Customer rich = new Customer("c-rich", "PLATINUM", 9000.0, false, null);
        ProposedAction offer = new ProposedAction("promo-1", "MARKETING_OFFER", "SKU-1");
        return List.of(
                facts(interaction("track_order", 0.95).build()),
                facts(interaction("track_order", 0.849).build()),
                facts(interaction("payment_issue", 0.97).lineOfBusiness("FINANCE").build()),
                facts(interaction("contact_human_agent", 0.9).build()),
                facts(interaction(null, null).build()),
                facts(interaction("cancel_order", 0.99).automationPaused("CHAT").build()),
                facts(interaction("complaint", 0.9).sentiment(-0.9, "CALLER").build(), rich, List.of(), List.of(offer)),
                facts(interaction("get_invoice", 0.93).lineOfBusiness("HEALTHCARE").localTime(23, 15, "Asia/Tokyo").build(),
                        customer("GOLD"), List.of(new PhraseMatch("health-privacy", "records", "message", false),
                                new PhraseMatch("legal-threat", "sue", "history[0]", false)), List.of(offer)),
                facts(interaction("unheard_of", 0.9).answerConfidence(0.2).build(), customer("SILVER"),
                        List.of(new PhraseMatch("negative", "worst", "message", false), new PhraseMatch("negative", "awful", "message", false),
                                new PhraseMatch("negative", "scam", "history[0]", false)), List.of()));
    }

    private static Result evaluate(PolicyBundle bundle, PolicyFacts facts) {
        Assessment assessment = bundle.assess(facts);
        Outcome outcome = assessment.findings().stream().map(Finding::getOutcome).max(Outcome::compareTo).orElse(Outcome.HUMAN_REVIEW);
        RoutePlan plan = bundle.route(facts, outcome);
        return new Result(
                assessment.findings().stream().map(f -> f.getOutcome() + " " + f.getCode() + " " + f.getOrigin() + " " + f.getValues()).toList(),
                assessment.suppressions().stream().map(PolicyBundleConcurrencyTest::describe).toList(),
                assessment.rulesFired().stream().map(RuleFiring::toString).toList(),
                assessment.tables().stream().map(TableEvaluation::toString).toList(),
                assessment.comparisons().stream().map(Comparison::toString).toList(),
                assessment.queue(), assessment.automationThreshold(), plan.priority(), plan.modelTier(),
                plan.tables().stream().map(TableEvaluation::toString).toList());
    }

    private static String describe(Suppression suppression) {
        return suppression.getActionId() + " " + suppression.getCode() + " " + suppression.getValues();
    }

    @Test
    void concurrentEvaluationsOfDifferentFactsGiveTheSameResultsAsSequentialOnes() throws Exception {
        PolicyBundle bundle = shippedBundle();
        List<PolicyFacts> facts = differentFacts();
        List<Result> expected = facts.stream().map(f -> evaluate(bundle, f)).toList();
        assertThat(expected).as("the fixtures exercise different policies").doesNotHaveDuplicates();

        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < ROUNDS * facts.size(); i++) {
            PolicyFacts one = facts.get(i % facts.size());
            tasks.add(() -> evaluate(bundle, one));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Result>> futures;
        try {
            futures = pool.invokeAll(tasks);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get()).as("evaluation %d of facts %d", i, i % facts.size())
                    .isEqualTo(expected.get(i % facts.size()));
        }
    }
}
