package dev.arbiter.scoring;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Loads the shipped models from {@code arbiter.models.dir} (default {@code models}, relative to the working
 * directory) at start. A model whose file is absent is not registered (one warning; the service runs fail-safe
 * without it); a model file that exists but cannot be loaded stops the start with the reason.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    static final String DIRECTORY_PROPERTY = "arbiter.models.dir";
    private static final Logger log = LoggerFactory.getLogger(ModelConfiguration.class);

    static Path directory(Environment environment) {
        return Path.of(environment.getProperty(DIRECTORY_PROPERTY, "models"));
    }

    @Bean
    @ConditionalOnModelFile(ModelFiles.INTENT)
    IntentClassifier intentClassifier(Environment environment) {
        TribuoIntentClassifier intent = TribuoIntentClassifier.load(directory(environment));
        log.info("Loaded the intent model, version {}, {} labels", intent.model().version(), intent.settings().labels().size());
        return intent;
    }

    @Bean
    @ConditionalOnModelFile(ModelFiles.CHURN)
    ChurnClassifier churnClassifier(Environment environment) {
        TribuoChurnClassifier churn = TribuoChurnClassifier.load(directory(environment));
        log.info("Loaded the churn model, version {}", churn.model().version());
        return churn;
    }
}
