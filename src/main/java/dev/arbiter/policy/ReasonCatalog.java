package dev.arbiter.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The reason-code vocabulary: for each code, who owns it and the plain-language message template, and for
 * {@value #ENGINE_ERROR} the queue a case that failed safe goes to when the Queue table could not give one.
 * The file order ranks codes that ask for the same outcome. Immutable and thread-safe.
 */
public final class ReasonCatalog {

    /** File name of the catalog inside the rules folder. */
    public static final String FILE_NAME = "reason-codes.yaml";
    /** The code the service gives a decision when a table or rule failed; the only code whose entry names a queue. */
    public static final String ENGINE_ERROR = "POLICY_ENGINE_ERROR";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Rejects a key written twice: YAML would otherwise let the second silently replace the first. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MESSAGE_DECIMALS = 4;

    /**
     * One catalog entry.
     *
     * @param queue the queue of a case that failed safe when the Queue table gave none ({@value #ENGINE_ERROR} only),
     *              or null
     * @param skill the skill needed in that queue, or null
     */
    public record Entry(String owner, String message, String queue, String skill) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, Integer> ranks;
    /** Each code's message, parsed once. */
    private final Map<String, MessageTemplates.Template> templates;

    private ReasonCatalog(Map<String, Entry> entries) {
        this.entries = entries;
        this.ranks = new LinkedHashMap<>();
        this.templates = new LinkedHashMap<>();
        entries.forEach((code, entry) -> {
            ranks.put(code, ranks.size());
            templates.put(code, MessageTemplates.compile(entry.message()));
        });
    }

    /**
     * Parses the catalog, adding a problem for every malformed entry.
     *
     * @return the catalog of the well-formed entries (empty when the file cannot be parsed)
     */
    static ReasonCatalog parse(String file, String yaml, List<PolicyProblem> problems) {
        Map<String, Entry> parsed;
        try {
            parsed = YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, Entry>>() { });
        } catch (JacksonException e) {
            var location = e.getLocation();
            problems.add(PolicyProblem.error(file, location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), null, "Not a valid reason catalog: " + e.getOriginalMessage()));
            return new ReasonCatalog(Map.of());
        }
        Map<String, Entry> valid = new LinkedHashMap<>();
        if (parsed == null) {
            problems.add(PolicyProblem.error(file, "The reason catalog is empty"));
            return new ReasonCatalog(valid);
        }
        parsed.forEach((code, entry) -> {
            if (!CODE.matcher(code).matches()) {
                problems.add(PolicyProblem.error(file, 0, 0, code, "A reason code is UPPER_SNAKE_CASE"));
            } else if (entry == null || isBlank(entry.message()) || isBlank(entry.owner())) {
                problems.add(PolicyProblem.error(file, 0, 0, code, "Every reason code needs a message and an owner"));
            } else {
                checkQueue(file, code, entry, problems);
                valid.put(code, entry);
            }
        });
        return new ReasonCatalog(valid);
    }

    /** A queue (and skill) is read only for {@value #ENGINE_ERROR}; anywhere else it would be silently ignored. */
    private static void checkQueue(String file, String code, Entry entry, List<PolicyProblem> problems) {
        if (entry.queue() == null && entry.skill() == null) {
            return;
        }
        if (!code.equals(ENGINE_ERROR)) {
            problems.add(PolicyProblem.error(file, 0, 0, code, "Only " + ENGINE_ERROR + " names a queue and skill in the"
                    + " catalog (where a case goes when the policy fails); a rule routes with .toQueue(…), a table row with"
                    + " its queue and skill columns"));
        } else if (isBlank(entry.queue())) {
            problems.add(PolicyProblem.error(file, 0, 0, code, "Name the queue a case that fails safe goes to (queue:);"
                    + " a skill alone, or a blank queue, routes nowhere"));
        } else if (entry.skill() != null && entry.skill().isBlank()) {
            problems.add(PolicyProblem.error(file, 0, 0, code, "A skill must not be blank: name it, or leave it out"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public boolean contains(String code) {
        return entries.containsKey(code);
    }

    public Set<String> codes() {
        return entries.keySet();
    }

    /** @return the position of the code in the catalog (lower ranks first); codes not in it rank last */
    public int rank(String code) {
        return ranks.getOrDefault(code, Integer.MAX_VALUE);
    }

    /** @return the entry of {@code code}, or null when the catalog does not know it */
    public Entry entry(String code) {
        return entries.get(code);
    }

    /**
     * Fills the code's message template with {@code values}. A placeholder without a value stays as
     * {@code {name}} so that scenario tests can catch it.
     *
     * @throws IllegalArgumentException when the code is not in the catalog
     */
    public String render(String code, Map<String, ?> values) {
        return template(code).fill(values::get);
    }

    /**
     * Fills the code's message template with {@code values} and, for names {@code values} does not have, with
     * {@code fallback}: as {@link #render(String, Map)} with the two maps merged, {@code values} winning.
     *
     * @throws IllegalArgumentException when the code is not in the catalog
     */
    public String render(String code, Map<String, ?> values, Map<String, ?> fallback) {
        return template(code).fill(name -> values.containsKey(name) ? values.get(name) : fallback.get(name));
    }

    private MessageTemplates.Template template(String code) {
        MessageTemplates.Template template = templates.get(code);
        if (template == null) {
            throw new IllegalArgumentException("Reason code not in the catalog: " + code);
        }
        return template;
    }

    /**
     * Formats a value for a message: decimals rounded to at most four places without trailing zeros, lists joined
     * with commas.
     */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return plain(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ReasonCatalog::format).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.setScale(Math.min(decimal.scale(), MESSAGE_DECIMALS), RoundingMode.HALF_UP).stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
