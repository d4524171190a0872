package dev.arbiter.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.arbiter.policy.Assessment;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFacts;
import dev.arbiter.policy.TableEvaluation;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.IntentScore;

/** Assembles the compliance trace of one evaluated decision. Stateless. */
@Component
class TraceBuilder {

    DecisionTrace build(DecisionRequest request, Instant at, PolicyBundle bundle, Features features, Assessment assessment,
                        List<TableEvaluation> routingTables,
                        List<Finding> findings, String failure, DecisionResponse response, Map<String, Long> timings) {
        PolicyFacts facts = features.facts();
        Interaction interaction = facts.interaction();
        return new DecisionTrace(response.decisionId(), request.requestId(), response.decidedAt(), at, bundle.version(),
                request, featureView(features), scores(features), new DecisionTrace.AutomationView(
                interaction.isAutomationPaused(), interaction.getPauseScope()),
                tables(assessment, routingTables),
                assessment == null ? List.of() : assessment.rulesFired(),
                assessment == null ? List.of() : assessment.comparisons(),
                findings.stream().map(f -> new DecisionTrace.FindingView(f.getOutcome(), f.getCode(), bundle.sourceOf(f.getOrigin()),
                        f.getQueue(), f.getSkill(), f.getValues())).toList(),
                assessment == null ? List.of() : assessment.suppressions().stream()
                        .map(s -> new DecisionTrace.SuppressionView(s.getActionId(), s.getCode(), bundle.sourceOf(s.getOrigin()),
                                s.getValues())).toList(),
                failure, response, timings, List.of());
    }

    /** @return the tables evaluated before the rules and, once the outcome was known, for routing */
    private static List<TableEvaluation> tables(Assessment assessment, List<TableEvaluation> routingTables) {
        List<TableEvaluation> tables = new ArrayList<>(assessment == null ? List.of() : assessment.tables());
        tables.addAll(routingTables);
        return tables;
    }

    private static DecisionTrace.FeatureView featureView(Features features) {
        PolicyFacts facts = features.facts();
        List<Map<String, Object>> phrases = new ArrayList<>();
        facts.phrases().forEach(m -> phrases.add(phrase(m)));
        List<Map<String, Object>> tickets = new ArrayList<>();
        facts.tickets().forEach(t -> tickets.add(entry("id", t.getId(), "priority", t.getPriority(), "ageDays", t.getAgeDays())));
        List<Map<String, Object>> returns = new ArrayList<>();
        facts.returns().forEach(r -> returns.add(entry("productId", r.getProductId(), "reason", r.getReason(), "daysAgo", r.getDaysAgo())));
        List<Map<String, Object>> contacts = new ArrayList<>();
        facts.contacts().forEach(c -> contacts.add(entry("kind", c.getKind(), "daysAgo", c.getDaysAgo())));
        return new DecisionTrace.FeatureView(features.local().getZone().getId(), features.zoneDefaulted() ? "DEFAULT" : "CUSTOMER",
                features.local().toLocalDateTime().toString(), phrases, tickets, returns, contacts);
    }

    /** @return a phrase match as the trace shows it; {@code negated} only when it is */
    private static Map<String, Object> phrase(PhraseMatch match) {
        Map<String, Object> entry = entry("list", match.getList(), "phrase", match.getPhrase(), "source", match.getSource());
        if (match.isNegated()) {
            entry.put("negated", true);
        }
        return entry;
    }

    /** @return an ordered map of alternating names and values */
    private static Map<String, Object> entry(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static List<DecisionTrace.ScoreView> scores(Features features) {
        IntentScore intent = features.intent();
        ChurnScore churn = features.churn();
        return List.of(
                new DecisionTrace.ScoreView("intent", intent.label(), intent.confidence(), intent.source().name(), intent.model(),
                        intent.problem(), intent.top(), intent.explanation(), Map.of()),
                new DecisionTrace.ScoreView("churn", null, churn.risk(), churn.source().name(), churn.model(), churn.problem(),
                        List.of(), churn.drivers(), churn.defaultsApplied()),
                new DecisionTrace.ScoreView("sentiment", null, features.sentiment().value(), features.sentiment().source(), null,
                        null, List.of(), List.of(), Map.of()));
    }
}
