package dev.arbiter.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads scenario files from a folder. Stateless and thread-safe. */
public final class ScenarioLoader {

    private static final String NO_MODELS = "none";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * @return every case of every {@code .yaml} file below {@code folder}, files in path order
     * @throws ScenarioFormatException when a file is not a valid scenario file
     * @throws UncheckedIOException    when the folder cannot be read
     */
    public List<Scenario> load(Path folder) {
        return parse(read(folder));
    }

    /**
     * @return the scenario files below {@code folder}, keyed {@code <folder name>/<relative path>}, in path order;
     *         empty when the folder does not exist
     * @throws UncheckedIOException when the folder cannot be read
     */
    public static Map<String, String> read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                files.put(root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenarios in " + folder, e);
        }
        return files;
    }

    /**
     * @param files scenario file path to YAML content
     * @return every case of every file, files in path order
     * @throws ScenarioFormatException when a file is not a valid scenario file
     */
    public List<Scenario> parse(Map<String, String> files) {
        List<Scenario> scenarios = new ArrayList<>();
        new java.util.TreeMap<>(files).forEach((name, content) -> scenarios.addAll(parse(name, content)));
        return scenarios;
    }

    private static List<Scenario> parse(String name, String content) {
        ScenarioFile parsed;
        try {
            parsed = YAML.readValue(content, ScenarioFile.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ScenarioFormatException(name + ": " + e.getOriginalMessage(), e);
        }
        if (parsed == null || parsed.cases() == null || parsed.cases().isEmpty()) {
            throw new ScenarioFormatException(name + ": a scenario file needs at least one case", null);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFile.Case each : parsed.cases()) {
            if (each.name() == null || each.name().isBlank() || each.expect() == null) {
                throw new ScenarioFormatException(name + ": every case needs a name and an expect block", null);
            }
            Map<String, Object> request = merge(parsed.base() == null ? Map.of() : parsed.base(),
                    each.given() == null ? Map.of() : each.given());
            List<String> paused = each.automation() == null || each.automation().paused() == null ? List.of()
                    : each.automation().paused();
            if (each.models() != null && !each.models().equals(NO_MODELS)) {
                throw new ScenarioFormatException(name + ": case '" + each.name() + "': models can only be '" + NO_MODELS + "'", null);
            }
            scenarios.add(new Scenario(name, parsed.concern(), each.name(), request, paused, NO_MODELS.equals(each.models()),
                    each.expect()));
        }
        return scenarios;
    }

    /** Deep-merges {@code overlay} onto {@code base}: maps merge, other values replace, null removes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && existing instanceof Map<?, ?> old) {
                merged.put(key, merge((Map<String, Object>) old, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
