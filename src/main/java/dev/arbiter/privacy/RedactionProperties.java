package dev.arbiter.privacy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The redaction policy ({@code arbiter.privacy.redaction.*}): the rules that mask personal data in the customer's
 * text before a trace is stored. Defaults are in application.properties and explained in docs/compliance.md.
 *
 * @param enabled whether stored traces are redacted at all
 * @param rules   applied in order to each text; a later rule sees the text the earlier ones masked
 */
@ConfigurationProperties("arbiter.privacy.redaction")
public record RedactionProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<Rule> rules) {

    /**
     * A named rule.
     *
     * @param name        recorded in the trace, e.g. {@code EMAIL}
     * @param pattern     a Java regular expression
     * @param replacement the literal text that replaces each match
     * @param check       a test a match must also pass to be masked
     * @param requires    literal text that every match contains, e.g. {@code @}: texts without it are skipped
     *                    without running the pattern (a speed-up only; empty for none)
     */
    public record Rule(String name, String pattern, @DefaultValue("") String replacement, @DefaultValue("NONE") Check check,
                       @DefaultValue("") String requires) {
    }

    /** Tests beyond the pattern, for numbers a regular expression cannot tell apart. */
    public enum Check {
        /** Every match is masked. */
        NONE(0),
        /** 13 to 19 digits, first digit 2 to 6 (the card networks' industry identifiers), Luhn checksum valid. */
        PAYMENT_CARD(13),
        /** 7 to 15 digits (the E.164 maximum). */
        PHONE_NUMBER(7);

        private final int minDigits;

        Check(int minDigits) {
            this.minDigits = minDigits;
        }

        /** @return the fewest digits a text needs for a match to pass: texts with fewer are skipped */
        public int minDigits() {
            return minDigits;
        }
    }
}
