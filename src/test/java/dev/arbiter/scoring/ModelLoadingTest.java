package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Loading model files: only matching, readable files; absent files leave the service running without the model. */
@ExtendWith(OutputCaptureExtension.class)
class ModelLoadingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ModelConfiguration.class, LoadedModels.class);

    @TempDir
    Path directory;

    @Test
    void withTheShippedModelsBothAreRegistered() {
        context.withPropertyValues("arbiter.models.dir=models").run(started -> {
            Models models = started.getBean(LoadedModels.class).current();
            assertThat(models.intent()).isInstanceOf(TribuoIntentClassifier.class);
            assertThat(models.churn()).isInstanceOf(TribuoChurnClassifier.class);
        });
    }

    @Test
    void withoutModelFilesNoModelIsRegisteredAndOneWarningNamesEachMissingFile(CapturedOutput output) {
        context.withPropertyValues("arbiter.models.dir=" + directory).run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(LoadedModels.class).current()).isEqualTo(Models.none());
        });
        assertThat(output.getOut()).containsOnlyOnce("No intent model: " + directory.resolve("intent.tribuo").toAbsolutePath())
                .containsOnlyOnce("No churn model: " + directory.resolve("churn.tribuo").toAbsolutePath());
    }

    @Test
    void settingsWrittenForAnotherModelAreRefused() throws IOException {
        copyShipped(ModelFiles.INTENT);
        Path settings = ModelFiles.settingsFile(directory, ModelFiles.INTENT);
        Files.writeString(settings, Files.readString(settings).replaceFirst("\"modelVersion\" : \"[0-9a-f]+\"", "\"modelVersion\" : \"0000\""));

        assertThatThrownBy(() -> TribuoIntentClassifier.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("belong to model version 0000");
    }

    @Test
    void aModelTrainedWithAnotherFeaturiserIsRefused() throws IOException {
        copyShipped(ModelFiles.CHURN);
        Path settings = ModelFiles.settingsFile(directory, ModelFiles.CHURN);
        Files.writeString(settings, Files.readString(settings).replace(ProfileFeatures.ALGORITHM, "profile-features/0"));

        assertThatThrownBy(() -> TribuoChurnClassifier.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("featuriser profile-features/0");
    }

    @Test
    void aCorruptModelFileStopsTheStartWithTheReason() throws IOException {
        copyShipped(ModelFiles.INTENT);
        Files.write(ModelFiles.modelFile(directory, ModelFiles.INTENT), new byte[] {1, 2, 3, 4});

        context.withPropertyValues("arbiter.models.dir=" + directory).run(started ->
                assertThat(started).getFailure().hasStackTraceContaining("Cannot read the Tribuo model"));
        assertThatThrownBy(() -> TribuoIntentClassifier.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("Cannot read the Tribuo model");
    }

    @Test
    void aJavaSerializedFileIsRefusedWithoutRunningAnyOfItsCode() throws IOException {
        copyShipped(ModelFiles.INTENT);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(ModelFiles.modelFile(directory, ModelFiles.INTENT)))) {
            out.writeObject(new Gadget());
        }
        Gadget.deserialised.set(false);

        assertThatThrownBy(() -> TribuoIntentClassifier.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("Cannot read the Tribuo model");
        assertThat(Gadget.deserialised).as("models are read as protobuf, never through Java deserialisation").isFalse();
    }

    /** Stands for a deserialisation gadget: any code in its readObject would run if the file were Java-deserialised. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean deserialised = new AtomicBoolean();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialised.set(true);
        }
    }

    private void copyShipped(String name) throws IOException {
        Path shipped = Path.of("models");
        Files.copy(ModelFiles.modelFile(shipped, name), ModelFiles.modelFile(directory, name));
        Files.copy(ModelFiles.settingsFile(shipped, name), ModelFiles.settingsFile(directory, name));
    }
}
