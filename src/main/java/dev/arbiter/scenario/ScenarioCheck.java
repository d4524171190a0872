package dev.arbiter.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.policy.facts.Outcome;

/** Compares a decision with a scenario's expectation and with the rules every decision must keep. */
final class ScenarioCheck {

    /** How a scenario expects "no next best action". */
    private static final String NONE = "NONE";

    private ScenarioCheck() {
    }

    /**
     * @param engineFailure the policy engine's failure when the decision failed safe because a table or rule failed
     *                      (the trace's {@code failure}), else null
     * @return what did not match, the engine's failure first; empty when the decision is as expected
     */
    static List<String> failures(Expectation expect, DecisionResponse actual, String engineFailure) {
        List<String> failures = new ArrayList<>();
        if (engineFailure != null) {
            failures.add("the policy failed while deciding, so the decision fell back to POLICY_ENGINE_ERROR: " + engineFailure);
        }
        List<String> codes = actual.reasons().stream().map(DecisionResponse.ReasonView::code).toList();
        same(failures, "outcome", expect.outcome(), actual.outcome().name());
        same(failures, "queue", expect.queue(), actual.route().queue());
        same(failures, "skill", expect.skill(), actual.route().skill());
        same(failures, "priority", expect.priority(), actual.route().priority());
        same(failures, "modelTier", expect.modelTier(), actual.route().modelTier());
        same(failures, "intentSource", expect.intentSource(), actual.intent().source());
        same(failures, "nextBestAction", expect.nextBestAction(),
                actual.nextBestAction() == null ? NONE : actual.nextBestAction());
        same(failures, "churnRisk", expect.churnRisk(), actual.churnRisk());
        same(failures, "reasons", expect.reasons(), codes);
        if (expect.reasonsInclude() != null && !codes.containsAll(expect.reasonsInclude())) {
            failures.add("reasons should include " + expect.reasonsInclude() + " but were " + codes);
        }
        if (expect.reasonsExclude() != null && expect.reasonsExclude().stream().anyMatch(codes::contains)) {
            failures.add("reasons should exclude " + expect.reasonsExclude() + " but were " + codes);
        }
        checkActions(expect, actual, failures);
        checkMessages(expect, actual, failures);
        checkInvariants(actual, failures);
        return failures;
    }

    /**
     * @param inCatalog whether the policy's reason catalog has a code
     * @return one message for each reason code the expectation names (in {@code reasons}, {@code reasonsInclude},
     *         {@code reasonsExclude}, {@code actionReasons} and as a {@code messageContains} key) that is not in the
     *         catalog: such an expectation is a typo that would fail as a mismatch, or pass without checking anything
     */
    static List<String> unknownCodes(Expectation expect, java.util.function.Predicate<String> inCatalog) {
        Map<String, List<String>> named = new java.util.LinkedHashMap<>();
        named.put("reasons", expect.reasons());
        named.put("reasonsInclude", expect.reasonsInclude());
        named.put("reasonsExclude", expect.reasonsExclude());
        if (expect.actionReasons() != null) {
            expect.actionReasons().forEach((id, codes) -> named.put("actionReasons." + id, codes));
        }
        named.put("messageContains", expect.messageContains() == null ? null : List.copyOf(expect.messageContains().keySet()));
        List<String> unknown = new ArrayList<>();
        named.forEach((key, codes) -> {
            if (codes != null) {
                codes.stream().filter(code -> code == null || !inCatalog.test(code)).distinct().forEach(code -> unknown.add(
                        "the expectation is not valid: " + key + " names " + code + ", which is not in the reason catalog"));
            }
        });
        return unknown;
    }

    private static void checkActions(Expectation expect, DecisionResponse actual, List<String> failures) {
        if (expect.actions() != null) {
            expect.actions().forEach((id, status) -> same(failures, "action " + id, status, action(actual, id).map(DecisionResponse.ActionView::status).orElse(null)));
        }
        if (expect.actionReasons() != null) {
            expect.actionReasons().forEach((id, reasons) -> same(failures, "reasons of action " + id, reasons,
                    action(actual, id).map(DecisionResponse.ActionView::reasons).orElse(null)));
        }
    }

    private static java.util.Optional<DecisionResponse.ActionView> action(DecisionResponse actual, String id) {
        return actual.actions().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private static void checkMessages(Expectation expect, DecisionResponse actual, List<String> failures) {
        if (expect.messageContains() == null) {
            return;
        }
        for (Map.Entry<String, String> wanted : expect.messageContains().entrySet()) {
            boolean found = actual.reasons().stream()
                    .anyMatch(r -> r.code().equals(wanted.getKey()) && r.message().contains(wanted.getValue()))
                    || actual.actions().stream().flatMap(a -> a.explanations().stream())
                    .anyMatch(r -> r.code().equals(wanted.getKey()) && r.message().contains(wanted.getValue()));
            if (!found) {
                failures.add("the message of " + wanted.getKey() + " should contain '" + wanted.getValue() + "'");
            }
        }
    }

    /** Rules every decision keeps, whatever the scenario says. */
    private static void checkInvariants(DecisionResponse actual, List<String> failures) {
        if (actual.outcome() != Outcome.AUTOMATE && actual.reasons().isEmpty()) {
            failures.add("a " + actual.outcome() + " decision must carry at least one reason");
        }
        if (actual.outcome() != Outcome.AUTOMATE && actual.handoff() == null) {
            failures.add("a " + actual.outcome() + " decision must carry hand-off context");
        }
        actual.reasons().forEach(r -> unfilled(r, failures));
        actual.actions().forEach(a -> a.explanations().forEach(r -> unfilled(r, failures)));
    }

    private static void unfilled(DecisionResponse.ReasonView reason, List<String> failures) {
        if (reason.message().matches(".*\\{[A-Za-z][A-Za-z0-9]*}.*")) {
            failures.add("the message of " + reason.code() + " has a placeholder without a value: " + reason.message());
        }
    }

    private static void same(List<String> failures, String what, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            failures.add(what + " should be " + expected + " but was " + actual);
        }
    }
}
