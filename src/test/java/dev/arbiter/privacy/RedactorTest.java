package dev.arbiter.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/** The shipped redaction rules (application.properties) mask personal data and leave business numbers alone. */
class RedactorTest {

    private final Redactor redactor = new Redactor(shippedPolicy());

    @Test
    void emailAddressesAreMasked() {
        assertMasked("write to jane.doe+bills@mail.example.co.uk please", "write to [EMAIL] please", Map.of("EMAIL", 1));
    }

    @Test
    void phoneNumbersAreMaskedInInternationalNationalAndNorthAmericanFormats() {
        assertMasked("call +49 30 1234567, +4915112345678 or +1 (555) 123-4567",
                "call [PHONE], [PHONE] or [PHONE]", Map.of("PHONE", 3));
        assertMasked("my number is 030 12345678 or (0171) 1234567", "my number is [PHONE] or [PHONE]", Map.of("PHONE", 2));
        assertMasked("reach me at 555-123-4567 or (555) 123 4567", "reach me at [PHONE] or [PHONE]", Map.of("PHONE", 2));
    }

    @Test
    void cardNumbersWithAValidChecksumAreMaskedWithOrWithoutSeparators() {
        assertMasked("card 4111 1111 1111 1111 and 5555555555554444", "card [CARD_NUMBER] and [CARD_NUMBER]",
                Map.of("CARD_NUMBER", 2));
        assertMasked("amex 3782-822463-10005", "amex [CARD_NUMBER]", Map.of("CARD_NUMBER", 1));
    }

    @Test
    void orderNumbersThatCannotBeCardNumbersAreKept() {
        // Luhn-valid, but 1 is not a card network's first digit.
        assertKept("where is order 113542617735902?");
        // Starts like a Visa card, but the checksum is wrong.
        assertKept("order 4111111111111112 never arrived");
        assertKept("tracking 12345678 and ticket 987654");
    }

    @Test
    void datesTimesAndAmountsAreKept() {
        assertKept("on 2026-11-21 at 10:30, or 07-05-2026, I paid 1,299.00 EUR (0.5 off) for 3 items");
    }

    @Test
    void eachRuleCountsItsMatches() {
        Redactor.Masked masked = redactor.mask("a@b.io, c@d.io, +44 20 7946 0958");

        assertThat(masked.counts()).containsExactly(Map.entry("EMAIL", 2), Map.entry("PHONE", 1));
    }

    @Test
    void maskingAFieldRecordsEachRuleThatMatchedThereWithItsCount() {
        List<Redaction> applied = new ArrayList<>();

        String masked = redactor.mask("request.interaction.history[1]", "a@b.io or +44 20 7946 0958, a@b.io", applied);

        assertThat(masked).isEqualTo("[EMAIL] or [PHONE], [EMAIL]");
        assertThat(applied).containsExactly(new Redaction("EMAIL", "request.interaction.history[1]", 2),
                new Redaction("PHONE", "request.interaction.history[1]", 1));
    }

    @Test
    void textWithoutPersonalDataIsReturnedAsItIsAndNothingIsRecorded() {
        List<Redaction> applied = new ArrayList<>();
        String text = "Where is my parcel?";

        assertThat(redactor.mask("request.interaction.message", text, applied)).isSameAs(text);
        assertThat(applied).isEmpty();
    }

    @Test
    void anInvalidPatternStopsTheServiceAtStartUp() {
        RedactionProperties broken = new RedactionProperties(true,
                List.of(new RedactionProperties.Rule("BROKEN", "([a-z", "x", RedactionProperties.Check.NONE, "")));

        assertThatThrownBy(() -> new Redactor(broken)).hasMessageContaining("BROKEN");
    }

    @Test
    void aDisabledPolicyMasksNothing() {
        RedactionProperties shipped = shippedPolicy();
        Redactor disabled = new Redactor(new RedactionProperties(false, shipped.rules()));

        assertThat(disabled.active()).isFalse();
        assertThat(disabled.mask("jane@mail.example").text()).isEqualTo("jane@mail.example");
    }

    private void assertMasked(String text, String expected, Map<String, Integer> counts) {
        Redactor.Masked masked = redactor.mask(text);
        assertThat(masked.text()).isEqualTo(expected);
        assertThat(masked.counts()).isEqualTo(counts);
    }

    private void assertKept(String text) {
        assertMasked(text, text, Map.of());
    }

    /** @return the policy as application.properties configures it */
    private static RedactionProperties shippedPolicy() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            environment.getPropertySources().addFirst(new ResourcePropertySource("classpath:application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("arbiter.privacy.redaction", RedactionProperties.class).get();
    }
}
