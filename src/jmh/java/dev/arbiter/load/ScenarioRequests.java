package dev.arbiter.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.decision.StrictJson;
import dev.arbiter.scenario.Scenario;
import dev.arbiter.scenario.ScenarioLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the decision requests of the policy scenarios as JSON lines, the request mix of {@link LoadGenerator}:
 * every case of every {@code .yaml} file below the scenario folder, in the order {@link ScenarioLoader} reads them,
 * one compact JSON object per line, without a {@code requestId} (the generator gives each request its own).
 * Requests the API would reject (not a valid {@link DecisionRequest}) are left out and counted on standard error.
 * <p>
 * Usage: {@code ScenarioRequests <scenario folder> <output file>}; run from the repository root by
 * {@code scripts/load-test.sh}. Exit status 0 written, 2 wrong arguments or no valid request.
 */
public final class ScenarioRequests {

    private ScenarioRequests() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ScenarioRequests <scenario folder> <output file>");
            System.exit(2);
        }
        List<String> lines = export(new ScenarioLoader().load(Path.of(args[0])));
        if (lines.isEmpty()) {
            System.err.println("ScenarioRequests: no valid request in " + args[0]);
            System.exit(2);
        }
        write(Path.of(args[1]), lines);
        System.err.println("ScenarioRequests: " + lines.size() + " requests written to " + args[1]);
    }

    /** @return one JSON line per scenario whose request is valid, {@code requestId} removed */
    static List<String> export(List<Scenario> scenarios) {
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper strict = StrictJson.mapper();
        List<String> lines = new ArrayList<>();
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            for (Scenario scenario : scenarios) {
                Map<String, Object> request = new LinkedHashMap<>(scenario.request());
                request.remove("requestId");
                String line = plain.writeValueAsString(request);
                if (isValid(strict, validator, line)) {
                    lines.add(line);
                } else {
                    System.err.println("ScenarioRequests: left out (invalid request): " + scenario.file() + ": "
                            + scenario.name());
                }
            }
        }
        return lines;
    }

    private static boolean isValid(JsonMapper strict, Validator validator, String json) {
        try {
            return validator.validate(strict.readValue(json, DecisionRequest.class)).isEmpty();
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
