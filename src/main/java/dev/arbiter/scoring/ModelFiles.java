package dev.arbiter.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the files of a shipped model: the Tribuo model in its protobuf format ({@code <name>.tribuo},
 * never Java serialisation), its settings ({@code <name>-settings.json}) and its provenance
 * ({@code <name>-provenance.json}). A model's version is the SHA-256 of its provenance as canonical JSON.
 */
public final class ModelFiles {

    /** The intent model's name, also the stem of its files. */
    public static final String INTENT = "intent";
    /** The churn model's name, also the stem of its files. */
    public static final String CHURN = "churn";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ModelFiles() {
    }

    /** @return the Tribuo model file of {@code name} in {@code directory} */
    public static Path modelFile(Path directory, String name) {
        return directory.resolve(name + ".tribuo");
    }

    /** @return the settings file (featuriser, calibration) of {@code name} in {@code directory} */
    public static Path settingsFile(Path directory, String name) {
        return directory.resolve(name + "-settings.json");
    }

    /** @return the provenance file of {@code name} in {@code directory}: the exact bytes its version hashes */
    public static Path provenanceFile(Path directory, String name) {
        return directory.resolve(name + "-provenance.json");
    }

    /**
     * Loads a linear Tribuo classifier from its protobuf file and checks that it predicts labels.
     *
     * @throws ModelLoadException when the file cannot be read or holds another kind of model
     */
    @SuppressWarnings("unchecked")
    static AbstractLinearSGDModel<Label> loadLinearLabelModel(Path file) {
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("Cannot read the Tribuo model " + file + ": " + e.getMessage(), e);
        }
        if (!model.validate(Label.class)) {
            throw new ModelLoadException("The model " + file + " does not predict labels (classification)");
        }
        if (!(model instanceof AbstractLinearSGDModel<?>)) {
            throw new ModelLoadException("The model " + file + " is a " + model.getClass().getSimpleName()
                    + ", not a linear SGD model: its features' weights cannot explain its predictions");
        }
        return (AbstractLinearSGDModel<Label>) model;
    }

    /**
     * @return the model's Tribuo provenance as canonical JSON: compact, map keys sorted, UTF-8. This is what
     * {@link #version} hashes and what {@link #write} stores in {@code <name>-provenance.json}.
     */
    public static String provenanceJson(Model<?> model) {
        return CANONICAL.writeValueAsString(ProvenanceUtil.convertToMap(model.getProvenance()));
    }

    /**
     * Checks that a model's settings were written for it and that this service featurises as it was trained.
     *
     * @param settingsVersion   the model version its settings name
     * @param trainedFeaturiser the featuriser version its settings name
     * @param featuriser        this service's featuriser version
     * @return the model's version
     * @throws ModelLoadException when either does not match
     */
    static String checkSettings(String name, Model<?> model, String settingsVersion, String trainedFeaturiser, String featuriser) {
        String version = version(model);
        if (!version.equals(settingsVersion)) {
            throw new ModelLoadException("The " + name + " settings belong to model version " + settingsVersion
                    + ", not to the loaded model " + version + ": retrain to write both files together");
        }
        if (!featuriser.equals(trainedFeaturiser)) {
            throw new ModelLoadException("The " + name + " model was trained with featuriser " + trainedFeaturiser
                    + " but this service has " + featuriser + ": retrain it");
        }
        return version;
    }

    /** @return the model's version: the SHA-256 (hex) of {@link #provenanceJson} in UTF-8 */
    public static String version(Model<?> model) {
        return sha256(provenanceJson(model).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the SHA-256 (hex) of {@code bytes} */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Reads a settings file.
     *
     * @throws ModelLoadException when it is missing or malformed
     */
    static <T> T readSettings(Path file, Class<T> type) {
        try {
            return PRETTY.readValue(Files.readString(file), type);
        } catch (IOException | JacksonException e) {
            throw new ModelLoadException("Cannot read the model settings " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a model's three files into {@code directory}.
     *
     * @return the model file
     */
    public static Path write(Path directory, String name, Model<Label> model, Object settings) throws IOException {
        Files.createDirectories(directory);
        Path modelFile = modelFile(directory, name);
        model.serializeToFile(modelFile);
        Files.writeString(settingsFile(directory, name), PRETTY.writeValueAsString(settings) + "\n");
        Files.writeString(provenanceFile(directory, name), provenanceJson(model));
        return modelFile;
    }

    /** @return {@code value} as indented JSON */
    public static String prettyJson(Object value) {
        return PRETTY.writeValueAsString(value);
    }
}
