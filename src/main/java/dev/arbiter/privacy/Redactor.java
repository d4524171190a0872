package dev.arbiter.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Component;

/**
 * Applies the redaction policy ({@link RedactionProperties}) to text. A misconfigured rule stops the service at
 * start-up. Immutable and thread-safe.
 */
@Component
public class Redactor {

    /** Text after masking, and how many matches each rule masked (rules that matched nothing are left out). */
    public record Masked(String text, Map<String, Integer> counts) {
    }

    private record CompiledRule(String name, Pattern pattern, String replacement, RedactionProperties.Check check,
                                String requires) {

        /** @return whether a match is impossible in a text with {@code digits} digits, without running the pattern */
        boolean skips(String text, int digits) {
            return digits < check.minDigits() || !requires.isEmpty() && !text.contains(requires);
        }
    }

    private final List<CompiledRule> rules;

    public Redactor(RedactionProperties properties) {
        this.rules = properties.enabled() ? properties.rules().stream().map(Redactor::compile).toList() : List.of();
    }

    private static CompiledRule compile(RedactionProperties.Rule rule) {
        if (rule.name() == null || rule.name().isBlank() || rule.pattern() == null || rule.pattern().isEmpty()) {
            throw new IllegalStateException("arbiter.privacy.redaction.rules: every rule needs a name and a pattern: " + rule);
        }
        try {
            return new CompiledRule(rule.name(), Pattern.compile(rule.pattern()), rule.replacement(), rule.check(),
                    rule.requires());
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("arbiter.privacy.redaction.rules: the pattern of " + rule.name()
                    + " is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    /** @return whether there is any rule to apply */
    public boolean active() {
        return !rules.isEmpty();
    }

    /** @return {@code text} with every rule applied in order */
    public Masked mask(String text) {
        String current = text;
        Map<String, Integer> counts = new LinkedHashMap<>();
        int digits = countDigits(text);
        for (CompiledRule rule : rules) {
            if (rule.skips(current, digits)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(current);
            StringBuilder out = null;
            int copiedUpTo = 0;
            int masked = 0;
            while (matcher.find()) {
                if (!passes(rule.check(), matcher.group())) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(current.length());
                }
                out.append(current, copiedUpTo, matcher.start()).append(rule.replacement());
                copiedUpTo = matcher.end();
                masked++;
            }
            if (masked > 0) {
                current = out.append(current, copiedUpTo, current.length()).toString();
                counts.merge(rule.name(), masked, Integer::sum);
            }
        }
        return new Masked(current, counts);
    }

    /**
     * Masks {@code text}, found at {@code field} of the stored trace, and adds what was masked to {@code applied}.
     *
     * @return the masked text; {@code text} itself when nothing matched
     */
    public String mask(String field, String text, List<Redaction> applied) {
        Masked masked = mask(text);
        masked.counts().forEach((rule, count) -> applied.add(new Redaction(rule, field, count)));
        return masked.counts().isEmpty() ? text : masked.text();
    }

    private static boolean passes(RedactionProperties.Check check, String match) {
        return switch (check) {
            case NONE -> true;
            case PAYMENT_CARD -> isPaymentCardNumber(digits(match));
            case PHONE_NUMBER -> countDigits(match) >= 7 && countDigits(match) <= 15;
        };
    }

    private static int countDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    private static String digits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    /** @return whether {@code digits} could be a card number: 13 to 19 digits, a card network's first digit, Luhn valid */
    static boolean isPaymentCardNumber(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
