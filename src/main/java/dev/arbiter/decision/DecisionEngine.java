package dev.arbiter.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.arbiter.decision.DecisionResponse.ActionView;
import dev.arbiter.decision.DecisionResponse.ReasonView;
import dev.arbiter.policy.Assessment;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.ModelTier;
import dev.arbiter.policy.ReasonCatalog;
import dev.arbiter.policy.RoutePlan;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.policy.facts.ProposedAction;
import dev.arbiter.policy.facts.Suppression;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.ChurnScoring;
import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.IntentScore;
import dev.arbiter.scoring.IntentScoring;
import dev.arbiter.scoring.Models;

/**
 * Evaluates one request against one policy bundle, without persisting anything: features, scores, policy,
 * arbitration, answer and trace. Any failure of the policy engines gives a conservative outcome with the reason
 * POLICY_ENGINE_ERROR, never an exception and never automation, and a queue a person works from (see
 * {@link PolicyBundle#failSafeQueue}). Thread-safe.
 */
@Component
public class DecisionEngine {

    private static final Logger log = LoggerFactory.getLogger(DecisionEngine.class);
    private static final String ENGINE_ERROR = ReasonCatalog.ENGINE_ERROR;
    private static final String ENGINE_ERROR_PROBLEM = "an internal policy error; the decision trace has the details";

    private static final int MESSAGE_DRIVERS = 3;

    private final FeatureExtractor featureExtractor;
    private final TraceBuilder traceBuilder;

    /** @return an engine for use outside the Spring context (command line, benchmarks) */
    public static DecisionEngine standalone() {
        return new DecisionEngine(new FeatureExtractor(), new TraceBuilder());
    }

    DecisionEngine(FeatureExtractor featureExtractor, TraceBuilder traceBuilder) {
        this.featureExtractor = featureExtractor;
        this.traceBuilder = traceBuilder;
    }

    /**
     * @param decisionId the id the decision will carry
     * @param request    a validated request
     * @param bundle     the policy to apply (one snapshot for the whole decision)
     * @param pauseScope GLOBAL or the channel when an operator paused automation for it, else null
     * @param now        the service's current time; used when the request has no {@code at}
     * @param models     the models to score with where the caller sent no score (members may be null)
     */
    public Evaluation evaluate(String decisionId, DecisionRequest request, PolicyBundle bundle, String pauseScope, Instant now,
                               Models models) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Instant at = request.at() == null ? now : request.at();
        DecisionRequest.Interaction said = request.interaction();
        IntentScore intent = IntentScoring.score(models.intent(), said.intent() == null ? null : said.intent().label(),
                said.intent() == null ? null : said.intent().confidence(), said.message(), said.history());
        DecisionRequest.Customer customer = request.customer();
        ChurnScore churn = ChurnScoring.score(models.churn(), customer.churnRisk(),
                customer.profile() == null ? null : customer.profile().toFields());
        Features features = featureExtractor.extract(request, intent, churn, bundle.phrases(), at, pauseScope);
        long step = lap(timings, "features", start);

        String failure = null;
        Assessment assessment = null;
        List<Finding> findings;
        try {
            assessment = bundle.assess(features.facts());
            findings = new ArrayList<>(assessment.findings());
        } catch (RuntimeException e) {
            failure = failureOf(e);
            findings = new ArrayList<>(List.of(engineError()));
        }
        step = lap(timings, "policy", step);

        Arbitration.Verdict verdict = Arbitration.decide(findings, bundle.catalog());
        RoutePlan plan = null;
        try {
            plan = bundle.route(features.facts(), verdict.outcome());
        } catch (RuntimeException e) {
            failure = failure == null ? failureOf(e) : failure;
            findings.removeIf(finding -> finding.getOutcome() == Outcome.AUTOMATE);
            findings.add(engineError());
            verdict = Arbitration.decide(findings, bundle.catalog());
        }
        PolicyBundle.QueueAndSkill queue = assessment == null ? null
                : new PolicyBundle.QueueAndSkill(assessment.queue(), assessment.skill());
        if (failure != null) {
            queue = bundle.failSafeQueue(features.facts(), queue);
        }
        step = lap(timings, "routing", step);

        DecisionResponse response = respond(decisionId, request, bundle, features, assessment, verdict, plan, queue, now);
        lap(timings, "answer", step);
        timings.put("total", (System.nanoTime() - start) / 1_000);
        DecisionTrace trace = traceBuilder.build(request, at, bundle, features, assessment,
                plan == null ? List.of() : plan.tables(), findings, failure, response, timings);
        return new Evaluation(response, trace);
    }

    private static long lap(Map<String, Long> timings, String name, long since) {
        long now = System.nanoTime();
        timings.put(name, (now - since) / 1_000);
        return now;
    }

    private static String failureOf(RuntimeException e) {
        log.error("Policy evaluation failed; deciding conservatively", e);
        return e.getClass().getName() + ": " + e.getMessage();
    }

    private static Finding engineError() {
        return new Finding(Outcome.HUMAN_REVIEW, ENGINE_ERROR, Arbitration.SERVICE_SOURCE).with("problem", ENGINE_ERROR_PROBLEM);
    }

    /** @param queue the Queue table's queue and skill (or where a case that failed safe goes); null when there is none */
    private DecisionResponse respond(String decisionId, DecisionRequest request, PolicyBundle bundle, Features features,
                                     Assessment assessment, Arbitration.Verdict verdict, RoutePlan plan,
                                     PolicyBundle.QueueAndSkill queue, Instant now) {
        Map<String, Object> context = messageContext(features);
        ReasonCatalog catalog = bundle.catalog();
        List<ReasonView> reasons = new ArrayList<>(verdict.reasons().size());
        List<String> codes = new ArrayList<>(verdict.reasons().size());
        for (Finding finding : verdict.reasons()) {
            reasons.add(reason(bundle, context, finding.getCode(), finding.getValues(), finding.getOrigin(), finding.getOutcome()));
            codes.add(finding.getCode());
        }
        String queueName = verdict.queue() != null ? verdict.queue() : queue == null ? null : queue.queue();
        String skill = verdict.queue() != null && verdict.skill() != null ? verdict.skill() : queue == null ? null : queue.skill();
        DecisionResponse.Route route = new DecisionResponse.Route(queueName, skill,
                plan == null ? null : plan.priority(), plan == null ? ModelTier.NONE.name() : plan.modelTier());
        IntentScore intent = features.intent();
        DecisionResponse.IntentView intentView = new DecisionResponse.IntentView(intent.label(), intent.confidence(), intent.source().name());
        DecisionResponse.SentimentView sentiment = new DecisionResponse.SentimentView(features.sentiment().value(), features.sentiment().source());
        List<ActionView> actions = actions(bundle, context, features.facts().actions(),
                assessment == null ? List.of() : assessment.suppressions(), catalog);
        DecisionResponse.Handoff handoff = verdict.outcome() == Outcome.AUTOMATE ? null
                : new DecisionResponse.Handoff(intent.label(), intent.confidence(), features.facts().customer().getTier(),
                request.customer().lifetimeValue(), features.lastMessages(), features.sentimentTrend(), List.copyOf(codes));
        List<DecisionResponse.ModelView> models = new ArrayList<>();
        if (intent.model() != null && intent.source() == IntentScore.Source.MODEL) {
            models.add(new DecisionResponse.ModelView(intent.model().name(), intent.model().version()));
        }
        ChurnScore churn = features.churn();
        if (churn.model() != null && churn.source() == IntentScore.Source.MODEL) {
            models.add(new DecisionResponse.ModelView(churn.model().name(), churn.model().version()));
        }
        return new DecisionResponse(decisionId, request.requestId(), now, verdict.outcome(), route, intentView, sentiment,
                churn.risk(), assessment == null ? null : assessment.nextBestAction(), actions, List.copyOf(reasons), handoff,
                bundle.version(), List.copyOf(models));
    }

    private static Map<String, Object> messageContext(Features features) {
        Interaction interaction = features.facts().interaction();
        Map<String, Object> context = new HashMap<>();
        context.put("churnRisk", features.churn().risk());
        context.put("churnDrivers", drivers(features.churn()));
        String tier = features.facts().customer().getTier();
        context.put("intent", interaction.getIntent());
        context.put("confidence", interaction.getIntentConfidence());
        context.put("lineOfBusiness", interaction.getLineOfBusiness());
        context.put("channel", interaction.getChannel());
        context.put("tier", tier);
        context.put("timeZone", interaction.getTimeZone());
        context.put("localTime", interaction.getLocalTime());
        return context;
    }

    /** @return the churn drivers for messages: the strongest few, or why there are none */
    private static String drivers(ChurnScore churn) {
        if (churn.source() == IntentScore.Source.CALLER) {
            return "not known (the risk was supplied by the caller)";
        }
        List<String> strongest = new ArrayList<>(MESSAGE_DRIVERS);
        for (Contribution driver : churn.drivers()) {
            if (strongest.size() == MESSAGE_DRIVERS) {
                break;
            }
            if (driver.weight() > 0) {
                strongest.add(driver.feature());
            }
        }
        return strongest.isEmpty() ? "none stand out" : String.join(", ", strongest);
    }

    /** The finding's own values fill its message first, then the decision's context. */
    private static ReasonView reason(PolicyBundle bundle, Map<String, Object> context, String code, Map<String, Object> values,
                                     String origin, Outcome outcome) {
        return new ReasonView(code, bundle.catalog().render(code, values, context), bundle.sourceOf(origin), outcome);
    }

    /** @return per proposed action, ALLOWED or SUPPRESSED with each distinct reason once, in catalog order */
    private static List<ActionView> actions(PolicyBundle bundle, Map<String, Object> context, List<ProposedAction> proposed,
                                            List<Suppression> suppressions, ReasonCatalog catalog) {
        List<ActionView> views = new ArrayList<>(proposed.size());
        for (ProposedAction action : proposed) {
            views.add(actionView(bundle, context, action, suppressions, catalog));
        }
        return views;
    }

    private static ActionView actionView(PolicyBundle bundle, Map<String, Object> context, ProposedAction action,
                                         List<Suppression> suppressions, ReasonCatalog catalog) {
        List<Suppression> own = new ArrayList<>();
        for (Suppression suppression : suppressions) {
            if (suppression.getActionId().equals(action.getId())) {
                own.add(suppression);
            }
        }
        if (own.isEmpty()) {
            return new ActionView(action.getId(), ActionView.ALLOWED, List.of(), List.of());
        }
        own.sort(Comparator.comparingInt(s -> catalog.rank(s.getCode())));
        Map<String, Suppression> byCode = new LinkedHashMap<>();
        own.forEach(s -> byCode.putIfAbsent(s.getCode(), s));
        List<ReasonView> explanations = new ArrayList<>(byCode.size());
        for (Suppression s : byCode.values()) {
            explanations.add(reason(bundle, context, s.getCode(), s.getValues(), s.getOrigin(), null));
        }
        return new ActionView(action.getId(), ActionView.SUPPRESSED, List.copyOf(byCode.keySet()), List.copyOf(explanations));
    }
}
