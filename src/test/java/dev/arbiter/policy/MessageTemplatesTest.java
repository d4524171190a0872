package dev.arbiter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A template is parsed once into text and {@code {name}} placeholders; every other brace is text. */
class MessageTemplatesTest {

    @Test
    void fillsEachPlaceholderWithItsFormattedValue() {
        assertThat(MessageTemplates.compile("Confidence {value} is below {threshold}.").fill(Map.of("value", 0.849, "threshold", 0.85)::get))
                .isEqualTo("Confidence 0.849 is below 0.85.");
    }

    @Test
    void bracesThatDoNotEncloseANameStayText() {
        Map<String, Object> values = Map.of("a", 1, "a1", 2, "b", 3);

        assertThat(MessageTemplates.fill("{{a}} {1a} {a b} {} {a", values)).isEqualTo("{1} {1a} {a b} {} {a");
        assertThat(MessageTemplates.fill("{a1}{b}} {é} {a-b}", values)).isEqualTo("23} {é} {a-b}");
    }

    @Test
    void aPlaceholderWithoutAValueStaysVisible() {
        assertThat(MessageTemplates.fill("Scope {scope}, tier {tier}", Map.of("tier", "GOLD"))).isEqualTo("Scope {scope}, tier GOLD");
    }

    @Test
    void aTemplateWithoutPlaceholdersIsItsText() {
        MessageTemplates.Template template = MessageTemplates.compile("No placeholder here.");

        assertThat(template.names()).isEmpty();
        assertThat(template.fill(name -> "x")).isEqualTo("No placeholder here.");
        assertThat(MessageTemplates.compile("").fill(name -> "x")).isEmpty();
    }

    @Test
    void placeholdersAreListedOnceInOrder() {
        assertThat(MessageTemplates.placeholders("{b} and {a}, then {b} again; {1x} is not one"))
                .containsExactly("b", "a");
    }
}
