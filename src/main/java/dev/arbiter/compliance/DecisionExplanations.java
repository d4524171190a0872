package dev.arbiter.compliance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.arbiter.decision.DecisionPipeline;
import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.decision.DecisionTrace;
import dev.arbiter.lifecycle.PolicyVersions;
import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.Comparison;
import dev.arbiter.policy.ExplanationTemplates;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.facts.Outcome;

/**
 * Explains a stored decision in plain language from the explanation templates of the policy version that took it:
 * what was decided, each reason (the catalog messages rendered at decision time, which name the values and
 * thresholds applied), why it was not automated (each threshold comparison that failed, each rule or table row that
 * asked for more), what became of each proposed action. When that version's templates are not available, those of
 * the active version are used and the explanation says so. The service writes no sentence of its own. Thread-safe.
 */
@Service
public class DecisionExplanations {

    private static final Logger log = LoggerFactory.getLogger(DecisionExplanations.class);
    private static final String SUPPRESSED = DecisionResponse.ActionView.SUPPRESSED;

    private final DecisionPipeline decisions;
    private final PolicyVersions versions;
    private final ActivePolicy active;

    DecisionExplanations(DecisionPipeline decisions, PolicyVersions versions, ActivePolicy active) {
        this.decisions = decisions;
        this.versions = versions;
        this.active = active;
    }

    /** @throws dev.arbiter.decision.DecisionNotFoundException when no decision has that id */
    public Explanation explain(String decisionId) {
        DecisionTrace trace = decisions.trace(decisionId);
        DecisionResponse response = decisions.find(decisionId, null);
        String version = response.policyVersion();
        PolicyBundle wording = wordingOf(version);
        ExplanationTemplates templates = wording.explanations();

        String decided = templates.render(ExplanationTemplates.DECIDED + response.outcome().name(), decidedValues(templates, response));
        List<String> reasons = response.reasons().stream()
                .map(reason -> templates.render(ExplanationTemplates.REASON,
                        values("code", reason.code(), "message", reason.message(), "source", reason.source())))
                .toList();
        List<String> whyNot = response.outcome() == Outcome.AUTOMATE ? List.of() : whyNotAutomated(templates, trace, response);
        List<String> actions = response.actions().stream().map(action -> action(templates, action)).toList();
        String closing = templates.render(ExplanationTemplates.CLOSING, values("decisionId", response.decisionId(),
                "decidedAt", toSecond(response.decidedAt()), "at", toSecond(trace.at()), "policyVersion", version));

        List<String> text = new ArrayList<>();
        text.add(decided);
        if (!reasons.isEmpty()) {
            text.add(templates.render(ExplanationTemplates.REASONS_INTRO, Map.of()));
            text.addAll(reasons);
        }
        if (!whyNot.isEmpty()) {
            text.add(templates.render(ExplanationTemplates.WHY_NOT_INTRO, Map.of()));
            text.addAll(whyNot);
        }
        text.addAll(actions);
        text.add(closing);

        boolean recorded = wording.version().equals(version);
        String notice = recorded ? null : templates.render(ExplanationTemplates.OTHER_VERSION_NOTICE,
                values("policyVersion", version, "templateVersion", wording.version()));
        return new Explanation(response.decisionId(), response.outcome(), String.join(" ", text),
                new Explanation.Sections(decided, reasons, whyNot, actions, closing), version,
                new Explanation.Templates(wording.version(), recorded, notice));
    }

    /** @return the bundle of the recorded version, or the active one when that version cannot be had */
    private PolicyBundle wordingOf(String version) {
        try {
            return versions.bundle(version).orElseGet(active::current);
        } catch (PolicyLoadException e) {
            log.warn("Policy version {} no longer compiles; explaining with the active version's templates", version, e);
            return active.current();
        }
    }

    private static Map<String, Object> decidedValues(ExplanationTemplates templates, DecisionResponse response) {
        DecisionResponse.Route route = response.route();
        DecisionResponse.IntentView intent = response.intent();
        return values("outcome", outcomeName(templates, response.outcome()),
                "queue", route == null ? null : route.queue(), "skill", route == null ? null : route.skill(),
                "priority", route == null ? null : route.priority(), "modelTier", route == null ? null : route.modelTier(),
                "intent", intent == null ? null : intent.label(), "confidence", intent == null ? null : intent.confidence());
    }

    /**
     * @return a sentence for each threshold comparison that failed, then one for each reason asking for more than
     *         automation that such a comparison does not already explain (most severe first)
     */
    private static List<String> whyNotAutomated(ExplanationTemplates templates, DecisionTrace trace, DecisionResponse response) {
        List<Comparison> failed = trace.comparisons() == null ? List.of()
                : trace.comparisons().stream().filter(comparison -> Boolean.FALSE.equals(comparison.passed())).toList();
        List<String> sentences = new ArrayList<>();
        failed.forEach(comparison -> sentences.add(templates.render(ExplanationTemplates.WHY_NOT_THRESHOLD,
                values("subject", comparison.subject(), "value", comparison.value(), "threshold", comparison.threshold(),
                        "source", comparison.source()))));
        Set<String> explained = failed.stream().map(Comparison::source).collect(Collectors.toSet());
        response.reasons().stream()
                .filter(reason -> reason.outcome() != null && reason.outcome().isMoreSevereThan(Outcome.AUTOMATE))
                .filter(reason -> !explained.contains(reason.source()))
                .forEach(reason -> sentences.add(templates.render(ExplanationTemplates.WHY_NOT_RULE,
                        values("outcome", outcomeName(templates, reason.outcome()), "code", reason.code(),
                                "message", reason.message(), "source", reason.source()))));
        return sentences;
    }

    private static String action(ExplanationTemplates templates, DecisionResponse.ActionView action) {
        if (!SUPPRESSED.equals(action.status())) {
            return templates.render(ExplanationTemplates.ACTION_ALLOWED, values("action", action.id()));
        }
        String messages = action.explanations() == null ? null
                : action.explanations().stream().map(DecisionResponse.ReasonView::message).collect(Collectors.joining(" "));
        return templates.render(ExplanationTemplates.ACTION_SUPPRESSED,
                values("action", action.id(), "codes", action.reasons(), "reasons", messages));
    }

    private static String outcomeName(ExplanationTemplates templates, Outcome outcome) {
        return outcome == null ? null : templates.render(ExplanationTemplates.OUTCOME_NAME + outcome.name(), Map.of());
    }

    private static Instant toSecond(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return a map of alternating names and values; null values are left out (their placeholders stay visible) */
    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }
}
