package dev.arbiter.scoring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The models this service loaded at start; either may be absent. Thread-safe. */
@Component
public class LoadedModels {

    private final Models models;

    LoadedModels(ObjectProvider<IntentClassifier> intent, ObjectProvider<ChurnClassifier> churn) {
        this.models = new Models(intent.getIfAvailable(), churn.getIfAvailable());
    }

    /** @return the loaded models; never null, members may be null */
    public Models current() {
        return models;
    }
}
