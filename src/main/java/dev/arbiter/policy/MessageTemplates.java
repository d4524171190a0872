package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The {@code {name}} placeholders of policy message templates (reason catalog, explanations). Stateless. */
final class MessageTemplates {

    private MessageTemplates() {
    }

    /**
     * A template split once into its text and its placeholders, so that filling it does no parsing. A placeholder is
     * {@code {name}} where the name is an ASCII letter followed by ASCII letters and digits; any other brace is text.
     * Immutable and thread-safe.
     *
     * @param texts the text before each placeholder, and after the last one (one more than {@code names})
     * @param names the placeholder names, in order
     */
    record Template(List<String> texts, List<String> names) {

        /**
         * Fills each placeholder with its value from {@code lookup} formatted by {@link ReasonCatalog#format}; a
         * placeholder without a value (null) stays as {@code {name}} so that scenario tests can catch it.
         */
        String fill(Function<String, ?> lookup) {
            StringBuilder out = new StringBuilder(texts.get(0));
            for (int i = 0; i < names.size(); i++) {
                Object value = lookup.apply(names.get(i));
                if (value == null) {
                    out.append('{').append(names.get(i)).append('}');
                } else {
                    out.append(ReasonCatalog.format(value));
                }
                out.append(texts.get(i + 1));
            }
            return out.toString();
        }
    }

    /** @return {@code template} split into its text and placeholders */
    static Template compile(String template) {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        while (i < template.length()) {
            int end = placeholderEnd(template, i);
            if (end < 0) {
                i++;
                continue;
            }
            texts.add(template.substring(textStart, i));
            names.add(template.substring(i + 1, end - 1));
            textStart = end;
            i = end;
        }
        texts.add(template.substring(textStart));
        return new Template(List.copyOf(texts), List.copyOf(names));
    }

    /** @return the index after the placeholder starting at {@code start}, or -1 when none starts there */
    private static int placeholderEnd(String template, int start) {
        if (template.charAt(start) != '{' || start + 1 >= template.length() || !isAsciiLetter(template.charAt(start + 1))) {
            return -1;
        }
        int i = start + 2;
        while (i < template.length() && (isAsciiLetter(template.charAt(i)) || isAsciiDigit(template.charAt(i)))) {
            i++;
        }
        return i < template.length() && template.charAt(i) == '}' ? i + 1 : -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Fills {@code template} with {@code values} formatted by {@link ReasonCatalog#format}; a placeholder without a
     * value stays as {@code {name}} so that scenario tests can catch it.
     */
    static String fill(String template, Map<String, ?> values) {
        return compile(template).fill(values::get);
    }

    /** @return the distinct placeholder names of {@code template}, in order */
    static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>(compile(template).names());
        return new ArrayList<>(names);
    }
}
