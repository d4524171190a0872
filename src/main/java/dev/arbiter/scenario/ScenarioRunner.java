package dev.arbiter.scenario;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import dev.arbiter.decision.DecisionEngine;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.scoring.LoadedModels;
import dev.arbiter.scoring.Models;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs scenarios against a policy bundle through the same engine that serves the API, without storing anything.
 * Thread-safe.
 */
@Service
public class ScenarioRunner {

    private static final String GLOBAL = "GLOBAL";

    private final DecisionEngine engine;
    private final LoadedModels models;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    ScenarioRunner(DecisionEngine engine, LoadedModels models, JsonMapper json, Validator validator, Clock clock) {
        this.engine = engine;
        this.models = models;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /** @return the result; a scenario whose request is invalid fails with the validation messages */
    public ScenarioResult run(Scenario scenario, PolicyBundle bundle) {
        DecisionRequest request;
        try {
            request = json.convertValue(scenario.request(), DecisionRequest.class);
        } catch (JacksonException e) {
            return new ScenarioResult(scenario, List.of("the request is not valid: " + e.getOriginalMessage()), null);
        }
        Set<ConstraintViolation<DecisionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<String> messages = violations.stream()
                    .map(v -> "the request is not valid: " + v.getPropertyPath() + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder()).toList();
            return new ScenarioResult(scenario, messages, null);
        }
        Models scoring = scenario.withoutModels() ? Models.none() : models.current();
        DecisionResponse actual = engine.evaluate("scenario", request, bundle, pauseScope(scenario, request), clock.instant(),
                scoring).response();
        return new ScenarioResult(scenario, ScenarioCheck.failures(scenario.expect(), actual), actual);
    }

    private static String pauseScope(Scenario scenario, DecisionRequest request) {
        if (scenario.pausedScopes().contains(GLOBAL)) {
            return GLOBAL;
        }
        String channel = request.interaction().channel().name();
        return scenario.pausedScopes().contains(channel) ? channel : null;
    }
}
