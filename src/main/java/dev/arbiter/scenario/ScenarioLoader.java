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
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                scenarios.addAll(read(folder, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenarios in " + folder, e);
        }
        return scenarios;
    }

    private static List<Scenario> read(Path folder, Path file) throws IOException {
        String name = folder.toAbsolutePath().normalize().getFileName() + "/"
                + folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        ScenarioFile parsed;
        try {
            parsed = YAML.readValue(Files.readString(file), ScenarioFile.class);
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
