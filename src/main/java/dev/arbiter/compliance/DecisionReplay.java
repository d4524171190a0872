package dev.arbiter.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.arbiter.decision.DecisionEngine;
import dev.arbiter.decision.DecisionPipeline;
import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.decision.DecisionTrace;
import dev.arbiter.decision.Evaluation;
import dev.arbiter.lifecycle.PolicyVersions;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.scoring.LoadedModels;
import dev.arbiter.scoring.ModelRef;
import dev.arbiter.scoring.Models;

/**
 * Evaluates a stored decision again, deterministically, and says whether the answer is the recorded one: the
 * stored request at its recorded time, with the kill switch as it was and the model scores of the trace pinned, so
 * that only the policy is tested. Against the recorded policy version a replay checks that the decision can be
 * reproduced; against another version it shows what that policy would have decided. Stores nothing. Thread-safe.
 */
@Service
public class DecisionReplay {

    private final DecisionPipeline decisions;
    private final DecisionEngine engine;
    private final PolicyVersions versions;
    private final LoadedModels loaded;

    DecisionReplay(DecisionPipeline decisions, DecisionEngine engine, PolicyVersions versions, LoadedModels loaded) {
        this.decisions = decisions;
        this.engine = engine;
        this.versions = versions;
        this.loaded = loaded;
    }

    /**
     * @param decisionId the stored decision
     * @param version    the policy version to evaluate it against, or null for the version that took it
     * @throws dev.arbiter.decision.DecisionNotFoundException when no decision has that id
     * @throws UnknownPolicyVersionException when no stored policy version has that id
     * @throws dev.arbiter.policy.PolicyLoadException when the stored files of the version no longer compile
     */
    public ReplayReport replay(String decisionId, String version) {
        DecisionTrace trace = decisions.trace(decisionId);
        DecisionResponse recorded = decisions.find(decisionId, null);
        String target = version == null || version.isBlank() ? trace.policyVersion() : version;
        PolicyBundle bundle = versions.bundle(target).orElseThrow(() -> new UnknownPolicyVersionException(target));

        RecordedScores scores = RecordedScores.of(trace.scores());
        Instant at = trace.at() != null ? trace.at() : trace.decidedAt();
        String pauseScope = trace.automation() != null && trace.automation().paused() ? trace.automation().scope() : null;
        Evaluation replayed = engine.evaluate(decisionId, trace.request(), bundle, pauseScope, at, scores.models());

        List<ReplayReport.Difference> differences = ResponseComparison.differences(recorded, replayed.response());
        return new ReplayReport(decisionId,
                new ReplayReport.ComparedWith(bundle.version(), bundle.version().equals(trace.policyVersion())),
                trace.policyVersion(), differences.isEmpty() ? ReplayReport.Result.IDENTICAL : ReplayReport.Result.CHANGED,
                differences, scores.pinned(), modelVersions(trace.scores()), new ReplayReport.Inputs(at, pauseScope));
    }

    private List<ReplayReport.ModelVersion> modelVersions(List<DecisionTrace.ScoreView> scores) {
        Models current = loaded.current();
        List<ModelRef> now = new ArrayList<>();
        if (current.intent() != null) {
            now.add(current.intent().model());
        }
        if (current.churn() != null) {
            now.add(current.churn().model());
        }
        List<ReplayReport.ModelVersion> models = new ArrayList<>();
        for (DecisionTrace.ScoreView score : scores == null ? List.<DecisionTrace.ScoreView>of() : scores) {
            if (score.model() != null) {
                String loadedVersion = now.stream().filter(model -> model.name().equals(score.model().name()))
                        .map(ModelRef::version).findFirst().orElse(null);
                models.add(new ReplayReport.ModelVersion(score.model().name(), score.model().version(), loadedVersion,
                        score.model().version().equals(loadedVersion)));
            }
        }
        return models;
    }
}
