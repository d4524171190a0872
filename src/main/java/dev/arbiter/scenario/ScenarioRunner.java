package dev.arbiter.scenario;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import dev.arbiter.decision.DecisionEngine;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.decision.Evaluation;
import dev.arbiter.decision.ProfileCategories;
import dev.arbiter.decision.StrictJson;
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

    private final DecisionEngine engine;
    private final java.util.function.Supplier<Models> models;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    /** @return a runner for use outside the Spring context (command line), scoring with {@code models} */
    public static ScenarioRunner standalone(Models models) {
        return new ScenarioRunner(DecisionEngine.standalone(), () -> models, StrictJson.mapper(),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC());
    }

    @org.springframework.beans.factory.annotation.Autowired
    ScenarioRunner(DecisionEngine engine, LoadedModels loaded, JsonMapper json, Validator validator, Clock clock) {
        this(engine, loaded::current, json, validator, clock);
    }

    private ScenarioRunner(DecisionEngine engine, java.util.function.Supplier<Models> models, JsonMapper json,
                           Validator validator, Clock clock) {
        this.engine = engine;
        this.models = models;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @return the result; a scenario whose request is invalid fails with the validation messages, one that expects
     *         a reason code the bundle's catalog does not have fails naming it, without deciding, and one whose
     *         evaluation hit a failure of the policy (a table or rule that failed) fails with that failure, whatever
     *         it expects
     */
    public ScenarioResult run(Scenario scenario, PolicyBundle bundle) {
        List<String> unknownCodes = ScenarioCheck.unknownCodes(scenario.expect(), bundle.catalog()::contains);
        if (!unknownCodes.isEmpty()) {
            return ScenarioResult.invalid(scenario, unknownCodes);
        }
        DecisionRequest request;
        try {
            request = json.convertValue(scenario.request(), DecisionRequest.class);
        } catch (JacksonException e) {
            return ScenarioResult.invalid(scenario, List.of("the request is not valid: " + e.getOriginalMessage()));
        }
        Set<ConstraintViolation<DecisionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<String> messages = violations.stream()
                    .map(v -> "the request is not valid: " + v.getPropertyPath() + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder()).toList();
            return ScenarioResult.invalid(scenario, messages);
        }
        Models scoring = scenario.withoutModels() ? Models.none() : models.get();
        List<ProfileCategories.UnknownValue> unknown = ProfileCategories.unknownValues(request, scoring.churn());
        if (!unknown.isEmpty()) {
            return ScenarioResult.invalid(scenario, unknown.stream()
                    .map(value -> "the request is not valid: " + value.field() + " " + value.message()).toList());
        }
        Evaluation evaluation = engine.evaluate("scenario", request, bundle, pauseScope(scenario, request), clock.instant(),
                scoring);
        DecisionResponse actual = evaluation.response();
        Set<String> rows = new TreeSet<>();
        evaluation.trace().tables().forEach(table -> table.selectedIds()
                .forEach(id -> rows.add(PolicyBundle.row(table.file(), table.decision(), id))));
        Set<String> rules = new TreeSet<>();
        evaluation.trace().rulesFired().forEach(rule -> rules.add(rule.file() + "#" + rule.rule()));
        return new ScenarioResult(scenario, ScenarioCheck.failures(scenario.expect(), actual, evaluation.trace().failure()), actual, rows, rules);
    }

    private static String pauseScope(Scenario scenario, DecisionRequest request) {
        if (scenario.pausedScopes().contains(Scenario.GLOBAL)) {
            return Scenario.GLOBAL;
        }
        String channel = request.interaction().channel().name();
        return scenario.pausedScopes().contains(channel) ? channel : null;
    }
}
