package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code models} health component names each model with its version when it is loaded, and says "not loaded"
 * when it is absent, while staying UP: running without a model is a supported, fail-safe mode.
 */
class ModelHealthTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ModelConfiguration.class, LoadedModels.class, ModelHealth.class);

    @TempDir
    Path emptyDirectory;

    @Test
    void loadedModelsAreShownWithTheirVersions() {
        context.withPropertyValues("arbiter.models.dir=models").run(started -> {
            Models loaded = started.getBean(LoadedModels.class).current();
            Health health = started.getBean(ModelHealth.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(model(health, ModelFiles.INTENT)).containsEntry("state", "loaded")
                    .containsEntry("version", loaded.intent().model().version());
            assertThat(model(health, ModelFiles.CHURN)).containsEntry("state", "loaded")
                    .containsEntry("version", loaded.churn().model().version());
        });
    }

    @Test
    void absentModelsAreShownAsNotLoadedAndHealthStaysUp() {
        context.withPropertyValues("arbiter.models.dir=" + emptyDirectory).run(started -> {
            Health health = started.getBean(ModelHealth.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(model(health, ModelFiles.INTENT)).containsEntry("state", "not loaded").doesNotContainKey("version")
                    .hasEntrySatisfying("effect", effect -> assertThat(effect).contains("interaction.intent", "fail-safe"));
            assertThat(model(health, ModelFiles.CHURN)).containsEntry("state", "not loaded").doesNotContainKey("version")
                    .hasEntrySatisfying("effect", effect -> assertThat(effect).contains("churnRisk"));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> model(Health health, String name) {
        return (Map<String, String>) health.getDetails().get(name);
    }
}
