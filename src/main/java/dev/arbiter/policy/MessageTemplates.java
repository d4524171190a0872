package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} placeholders of policy message templates (reason catalog, explanations). Stateless. */
final class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private MessageTemplates() {
    }

    /**
     * Fills {@code template} with {@code values} formatted by {@link ReasonCatalog#format}; a placeholder without a
     * value stays as {@code {name}} so that scenario tests can catch it.
     */
    static String fill(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : ReasonCatalog.format(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** @return the distinct placeholder names of {@code template}, in order */
    static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new ArrayList<>(names);
    }
}
