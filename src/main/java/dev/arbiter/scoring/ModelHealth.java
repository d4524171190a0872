package dev.arbiter.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the models the service loaded as the {@code models} health indicator: per model (by its name), {@code state}
 * {@code loaded} with its {@code version}, or {@code not loaded} with what decisions do without it. Always UP: running
 * without a model is a supported mode, in which decisions that need its score fail safe.
 */
@Component("models")
class ModelHealth implements HealthIndicator {

    static final String LOADED = "loaded";
    static final String NOT_LOADED = "not loaded";

    private final LoadedModels models;

    ModelHealth(LoadedModels models) {
        this.models = models;
    }

    @Override
    public Health health() {
        Models loaded = models.current();
        return Health.up()
                .withDetail(ModelFiles.INTENT, state(loaded.intent() == null ? null : loaded.intent().model(),
                        "a request without interaction.intent gets no intent score, and the policy decides without it (fail-safe)"))
                .withDetail(ModelFiles.CHURN, state(loaded.churn() == null ? null : loaded.churn().model(),
                        "a request without customer.churnRisk gets no churn score (churnRisk null)"))
                .build();
    }

    /** @return what health shows of one model: loaded with its version, or not loaded and what that means */
    private static Map<String, String> state(ModelRef model, String withoutIt) {
        Map<String, String> state = new LinkedHashMap<>();
        if (model == null) {
            state.put("state", NOT_LOADED);
            state.put("effect", withoutIt);
        } else {
            state.put("state", LOADED);
            state.put("version", model.version());
        }
        return state;
    }
}
