package dev.arbiter.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed inputs for the shipped models and what the models say about them, as stored in
 * {@code src/test/resources/models/expected-predictions.json}. After a deliberate retrain, regenerate the file from
 * the repository root with
 * {@code java -cp target/classes:target/test-classes:$(cat classpath) dev.arbiter.scoring.ReferencePredictions}
 * (see models/README.md) and review the diff.
 */
final class ReferencePredictions {

    static final Path MODELS = Path.of("models");
    static final Path EXPECTED = Path.of("src/test/resources/models/expected-predictions.json");

    /** A message with its history. */
    record Message(String message, List<String> history) {
    }

    private ReferencePredictions() {
    }

    static List<Message> messages() {
        return List.of(
                new Message("I want to cancel order 3707955617", List.of()),
                new Message("I can't pay my bill", List.of()),
                new Message("how long does it take for my parcel to arrive", List.of()),
                new Message("wheres me parcel", List.of()),
                new Message("forgot my pasword", List.of()),
                new Message("i need to speak to a human", List.of()),
                new Message("how do I get a refund", List.of()),
                new Message("what's the weather like tomorrow", List.of()),
                new Message("any update?", List.of("I want to track order 00123842")),
                new Message("sign me up for ur newsletter", List.of()));
    }

    static List<Map<String, Object>> profiles() {
        return List.of(
                ordered("tenureMonths", 14, "contract", "Month-to-month", "monthlyCharges", 70.35),
                ordered("tenureMonths", 1, "contract", "Month-to-month", "monthlyCharges", 95.0, "internetService", "Fiber optic",
                        "paymentMethod", "Electronic check", "onlineSecurity", "No", "techSupport", "No"),
                ordered("tenureMonths", 60, "contract", "Two year", "monthlyCharges", 25.0, "totalCharges", 1500.0,
                        "internetService", "No", "partner", true, "paymentMethod", "Bank transfer (automatic)"),
                ordered());
    }

    /** @return a map of alternating names and values, in that order */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** @return what the models say about the fixed inputs, in the file's shape */
    static Map<String, Object> compute(TribuoIntentClassifier intent, TribuoChurnClassifier churn) {
        List<Map<String, Object>> intents = new ArrayList<>();
        for (Message message : messages()) {
            IntentPrediction prediction = intent.predict(message.message(), message.history());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("message", message.message());
            entry.put("history", message.history());
            entry.put("top", prediction.ranked().subList(0, 3));
            entry.put("explanation", prediction.explanation().stream().map(Contribution::feature).toList());
            intents.add(entry);
        }
        List<Map<String, Object>> churns = new ArrayList<>();
        for (Map<String, Object> profile : profiles()) {
            ChurnPrediction prediction = churn.predict(profile);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("profile", profile);
            entry.put("risk", prediction.risk());
            entry.put("drivers", prediction.drivers().stream().map(Contribution::feature).toList());
            entry.put("defaultsApplied", prediction.defaultsApplied());
            churns.add(entry);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("intentModelVersion", intent.model().version());
        file.put("churnModelVersion", churn.model().version());
        file.put("intent", intents);
        file.put("churn", churns);
        return file;
    }

    /** Writes the expected predictions of the models in {@code models/}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(EXPECTED, ModelFiles.prettyJson(compute(TribuoIntentClassifier.load(MODELS), TribuoChurnClassifier.load(MODELS))) + "\n");
        System.out.println("Wrote " + EXPECTED);
    }
}
