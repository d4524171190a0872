package dev.arbiter.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a customer profile into the features the churn model reads. The only featuriser of profiles: training
 * (from the IBM Telco CSV columns) and serving (from the API's profile fields) both go through it, so they cannot
 * drift. Fields are named as in the API ({@link #FIELDS}); gender and SeniorCitizen are never read (fairness).
 * <ul>
 *   <li>numbers: {@code tenureMonths} (standardised) and {@code tenureMonths:log} (standardised {@code log(1 + x)});</li>
 *   <li>yes/no and category fields: one indicator per known value, {@code contract=Month-to-month},
 *       {@code partner=No}, 1 for the customer's value and 0 for the others (so that every profile has the same
 *       features and an explanation can compare each with its training mean).</li>
 * </ul>
 * A missing field, or a category value not seen in training, gets the field's default (training median for numbers,
 * most frequent value otherwise). Immutable and thread-safe.
 *
 * @param defaults   per field, the value used when it is missing
 * @param scales     per number field, how it is standardised
 * @param categories per yes/no or category field, the known values
 */
public record ProfileFeatures(Map<String, Object> defaults, Map<String, NumberScale> scales,
                              Map<String, List<String>> categories) {

    /** Version of the algorithm above; a model trained with another version is refused at load. */
    public static final String ALGORITHM = "profile-features/1";

    /** How a field is encoded. */
    public enum Kind { NUMBER, YES_NO, CATEGORY }

    /**
     * One profile field.
     *
     * @param name   its API name
     * @param column its column in the IBM Telco CSV
     * @param kind   how it is encoded
     */
    public record Field(String name, String column, Kind kind) {
    }

    /** The fields the churn model reads, in API order. */
    public static final List<Field> FIELDS = List.of(
            new Field("tenureMonths", "tenure", Kind.NUMBER),
            new Field("contract", "Contract", Kind.CATEGORY),
            new Field("monthlyCharges", "MonthlyCharges", Kind.NUMBER),
            new Field("totalCharges", "TotalCharges", Kind.NUMBER),
            new Field("partner", "Partner", Kind.YES_NO),
            new Field("dependents", "Dependents", Kind.YES_NO),
            new Field("phoneService", "PhoneService", Kind.YES_NO),
            new Field("multipleLines", "MultipleLines", Kind.CATEGORY),
            new Field("internetService", "InternetService", Kind.CATEGORY),
            new Field("onlineSecurity", "OnlineSecurity", Kind.CATEGORY),
            new Field("onlineBackup", "OnlineBackup", Kind.CATEGORY),
            new Field("deviceProtection", "DeviceProtection", Kind.CATEGORY),
            new Field("techSupport", "TechSupport", Kind.CATEGORY),
            new Field("streamingTV", "StreamingTV", Kind.CATEGORY),
            new Field("streamingMovies", "StreamingMovies", Kind.CATEGORY),
            new Field("paperlessBilling", "PaperlessBilling", Kind.YES_NO),
            new Field("paymentMethod", "PaymentMethod", Kind.CATEGORY));

    /** CSV columns deliberately not read: an identifier, and two protected attributes (fairness). */
    public static final List<String> EXCLUDED_COLUMNS = List.of("customerID", "gender", "SeniorCitizen");

    private static final String LOG = ":log";

    /**
     * How a number is standardised: {@code (x - mean) / sd} and {@code (log(1 + x) - logMean) / logSd}.
     */
    public record NumberScale(double mean, double sd, double logMean, double logSd) {
    }

    /**
     * A profile with every field filled in.
     *
     * @param values          every field of {@link #FIELDS} by name
     * @param defaultsApplied the fields that were missing or unknown, with the default used, in field order
     */
    public record Completed(Map<String, Object> values, Map<String, Object> defaultsApplied) {
    }

    public ProfileFeatures {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        scales = Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        for (Field field : FIELDS) {
            if (!defaults.containsKey(field.name())
                    || (field.kind() == Kind.NUMBER ? !scales.containsKey(field.name()) : !categories.containsKey(field.name()))) {
                throw new IllegalArgumentException("profile features lack settings for " + field.name());
            }
        }
    }

    /**
     * @return per {@link Kind#CATEGORY} field, by its API name, the values seen in training, in the settings' order
     *         (yes/no fields are left out: the API takes them as booleans)
     */
    public Map<String, List<String>> categoryValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            if (field.kind() == Kind.CATEGORY) {
                values.put(field.name(), categories.get(field.name()));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Learns defaults, scales and known values from training profiles (missing values are left out of each).
     *
     * @param profiles canonical profiles as {@link #fromCsv} makes them
     */
    public static ProfileFeatures fit(List<Map<String, Object>> profiles) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, NumberScale> scales = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            if (field.kind() == Kind.NUMBER) {
                double[] values = profiles.stream().map(p -> p.get(field.name())).filter(v -> v != null)
                        .mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
                defaults.put(field.name(), median(values));
                scales.put(field.name(), scale(values));
            } else {
                Map<String, Integer> counts = new TreeMap<>();
                profiles.stream().map(p -> p.get(field.name())).filter(v -> v != null)
                        .forEach(v -> counts.merge(text(v), 1, Integer::sum));
                String mode = counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                defaults.put(field.name(), field.kind() == Kind.YES_NO ? (Object) "Yes".equals(mode) : mode);
                categories.put(field.name(), List.copyOf(counts.keySet()));
            }
        }
        return new ProfileFeatures(defaults, scales, categories);
    }

    /**
     * Reads one row of the IBM Telco CSV into a canonical profile: numbers as Double, yes/no as Boolean, categories
     * as given; a blank cell is a missing field.
     *
     * @throws IllegalArgumentException when a column is missing or a number or yes/no cell is malformed
     */
    public static Map<String, Object> fromCsv(Map<String, String> row) {
        Map<String, Object> profile = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            if (!row.containsKey(field.column())) {
                throw new IllegalArgumentException("missing column " + field.column());
            }
            String cell = row.get(field.column()).trim();
            if (cell.isEmpty()) {
                continue;
            }
            profile.put(field.name(), switch (field.kind()) {
                case NUMBER -> parseNumber(field, cell);
                case YES_NO -> parseYesNo(field, cell);
                case CATEGORY -> cell;
            });
        }
        return profile;
    }

    /**
     * Fills in every missing field with its default. A number that is not finite, a yes/no field that is not a
     * Boolean, or a category value not seen in training counts as missing. Category values match ignoring case.
     *
     * @param profile the caller's fields by API name; unknown names are ignored
     */
    public Completed complete(Map<String, Object> profile) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> applied = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            Object value = known(field, profile.get(field.name()));
            if (value == null) {
                value = defaults.get(field.name());
                applied.put(field.name(), value);
            }
            values.put(field.name(), value);
        }
        return new Completed(values, applied);
    }

    private Object known(Field field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.kind()) {
            case NUMBER -> value instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : null;
            case YES_NO -> value instanceof Boolean ? value : null;
            case CATEGORY -> knownCategory(categories.get(field.name()), value.toString().trim());
        };
    }

    /** @return the known value that {@code value} is, ignoring case, or null */
    private static String knownCategory(List<String> known, String value) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }

    /** @return the features of a completed profile ({@link #complete}) */
    public FeatureVector features(Completed profile) {
        return new FeatureVector(featureNames(), values(profile));
    }

    /** @return the names of the features, the same for every profile, in the order {@link #values} gives them */
    public String[] featureNames() {
        List<String> names = new ArrayList<>();
        for (Field field : FIELDS) {
            if (field.kind() == Kind.NUMBER) {
                names.add(field.name());
                names.add(field.name() + LOG);
            } else {
                for (String known : categories.get(field.name())) {
                    names.add(field.name() + "=" + known);
                }
            }
        }
        return names.toArray(String[]::new);
    }

    /** @return the feature values of a completed profile ({@link #complete}), in the order of {@link #featureNames} */
    public double[] values(Completed profile) {
        double[] values = new double[featureCount()];
        int next = 0;
        for (Field field : FIELDS) {
            Object value = profile.values().get(field.name());
            if (field.kind() == Kind.NUMBER) {
                double x = ((Number) value).doubleValue();
                NumberScale scale = scales.get(field.name());
                values[next++] = (x - scale.mean()) / scale.sd();
                values[next++] = (Math.log1p(Math.max(0, x)) - scale.logMean()) / scale.logSd();
            } else {
                String chosen = text(value);
                for (String known : categories.get(field.name())) {
                    values[next++] = known.equals(chosen) ? 1.0 : 0.0;
                }
            }
        }
        return values;
    }

    private int featureCount() {
        int count = 0;
        for (Field field : FIELDS) {
            count += field.kind() == Kind.NUMBER ? 2 : categories.get(field.name()).size();
        }
        return count;
    }

    /** @return the API field a feature belongs to: {@code contract} for {@code contract=Month-to-month} */
    public static String fieldOf(String feature) {
        int end = feature.length();
        int equals = feature.indexOf('=');
        int colon = feature.indexOf(':');
        if (equals >= 0) {
            end = equals;
        } else if (colon >= 0) {
            end = colon;
        }
        return feature.substring(0, end);
    }

    /** @return a field and its value as people read it: {@code tenureMonths=2}, {@code partner=No} */
    public static String readable(String field, Object value) {
        return field + "=" + text(value);
    }

    private static String text(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "Yes" : "No";
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static double parseNumber(Field field, String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.column() + " is not a number: '" + cell + "'", e);
        }
    }

    private static Boolean parseYesNo(Field field, String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException(field.column() + " is not Yes or No: '" + cell + "'");
        };
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a median of");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static NumberScale scale(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log1p(Math.max(0, values[i]));
        }
        return new NumberScale(mean(values), sd(values), mean(logs), sd(logs));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double sd = Math.sqrt(squares / values.length);
        return sd > 0 ? sd : 1;
    }
}
