package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Messages are rendered from the catalog's templates; the catalog's order ranks reasons. */
class ReasonCatalogTest {

    private static ReasonCatalog smallCatalog() {
        return catalog("""
                FIRST_CODE:
                  owner: Legal
                  message: "The customer said {phrases}."
                SECOND_CODE:
                  owner: Compliance
                  message: "Confidence {value} is below {threshold}."
                THIRD_CODE:
                  owner: Customer experience
                  message: "Lifetime value {lifetimeValue} for {tier} customer in {timeZone}."
                """);
    }

    @Test
    void renderFillsEveryPlaceholderWithItsValue() {
        String message = smallCatalog().render("THIRD_CODE",
                Map.of("lifetimeValue", 1234, "tier", "GOLD", "timeZone", "Europe/Berlin"));

        assertThat(message).isEqualTo("Lifetime value 1234 for GOLD customer in Europe/Berlin.");
    }

    @Test
    void renderFormatsDecimalsPlainlyWithoutTrailingZeros() {
        assertThat(smallCatalog().render("SECOND_CODE", Map.of("value", 0.849, "threshold", 0.85)))
                .isEqualTo("Confidence 0.849 is below 0.85.");
        assertThat(smallCatalog().render("THIRD_CODE", Map.of("lifetimeValue", 5000.0, "tier", "GOLD", "timeZone", "UTC")))
                .startsWith("Lifetime value 5000 for");
    }

    @Test
    void formatWritesNumbersAsPolicyOwnersWriteThem() {
        assertThat(ReasonCatalog.format(0.85)).isEqualTo("0.85");
        assertThat(ReasonCatalog.format(5000.0)).isEqualTo("5000");
        assertThat(ReasonCatalog.format(0.92f)).isEqualTo("0.92");
        assertThat(ReasonCatalog.format(new java.math.BigDecimal("0.8500"))).isEqualTo("0.85");
        assertThat(ReasonCatalog.format(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ReasonCatalog.format(-0.5)).isEqualTo("-0.5");
        assertThat(ReasonCatalog.format(3)).isEqualTo("3");
    }

    @Test
    void renderJoinsListsWithCommas() {
        assertThat(smallCatalog().render("FIRST_CODE", Map.of("phrases", List.of("a", "b"))))
                .isEqualTo("The customer said a, b.");
        assertThat(ReasonCatalog.format(List.of(0.5, 5000.0))).isEqualTo("0.5, 5000");
    }

    @Test
    void placeholderWithoutAValueStaysVisible() {
        assertThat(smallCatalog().render("SECOND_CODE", Map.of("value", 0.5)))
                .isEqualTo("Confidence 0.5 is below {threshold}.");
    }

    @Test
    void valuesThatLookLikeRegexReplacementsAreInsertedLiterally() {
        assertThat(smallCatalog().render("FIRST_CODE", Map.of("phrases", "$1 \\ {x}")))
                .isEqualTo("The customer said $1 \\ {x}.");
    }

    @Test
    void rankFollowsFileOrder() {
        ReasonCatalog catalog = smallCatalog();

        assertThat(catalog.rank("FIRST_CODE")).isLessThan(catalog.rank("SECOND_CODE"));
        assertThat(catalog.rank("SECOND_CODE")).isLessThan(catalog.rank("THIRD_CODE"));
        assertThat(List.copyOf(catalog.codes())).containsExactly("FIRST_CODE", "SECOND_CODE", "THIRD_CODE");
    }

    @Test
    void unknownCodeRanksLast() {
        assertThat(smallCatalog().rank("NOT_A_CODE")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void renderingAnUnknownCodeThrows() {
        assertThatIllegalArgumentException().isThrownBy(() -> smallCatalog().render("NOT_A_CODE", Map.of()))
                .withMessageContaining("NOT_A_CODE");
    }

    @Test
    void thePolicyEngineErrorEntryNamesWhereACaseThatFailedSafeGoes() {
        ReasonCatalog catalog = catalog("""
                POLICY_ENGINE_ERROR:
                  owner: Operations
                  message: "The policy could not be evaluated."
                  queue: policy-incidents
                  skill: on-call
                OTHER_CODE:
                  owner: Ops
                  message: "Fine."
                """);

        assertThat(catalog.entry("POLICY_ENGINE_ERROR").queue()).isEqualTo("policy-incidents");
        assertThat(catalog.entry("POLICY_ENGINE_ERROR").skill()).isEqualTo("on-call");
        assertThat(catalog.entry("OTHER_CODE").queue()).isNull();
    }

    @Test
    void entriesWithoutMessageOrOwnerOrWithBadCodesAreReportedAndLeftOut() {
        List<PolicyProblem> problems = new ArrayList<>();

        ReasonCatalog catalog = ReasonCatalog.parse(PolicyFixtures.CATALOG, """
                GOOD_CODE:
                  owner: Ops
                  message: "Fine."
                NO_MESSAGE:
                  owner: Ops
                NO_OWNER:
                  message: "Nobody owns this."
                lower_case:
                  owner: Ops
                  message: "Bad code."
                """, problems);

        assertThat(catalog.codes()).containsExactly("GOOD_CODE");
        assertThat(problems).extracting(PolicyProblem::element).containsExactly("NO_MESSAGE", "NO_OWNER", "lower_case");
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo(PolicyFixtures.CATALOG);
        });
    }

    @Test
    void unparseableCatalogIsReportedWithItsLine() {
        List<PolicyProblem> problems = new ArrayList<>();

        ReasonCatalog catalog = ReasonCatalog.parse(PolicyFixtures.CATALOG, "GOOD_CODE:\n  owner: Ops\n  message: [unclosed\n", problems);

        assertThat(catalog.codes()).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.line()).isPositive();
        });
    }

    @Test
    void codeWrittenTwiceIsReportedWithItsLineInsteadOfSilentlyReplacingTheFirst() {
        List<PolicyProblem> problems = new ArrayList<>();

        ReasonCatalog.parse(PolicyFixtures.CATALOG, """
                A_CODE:
                  owner: Legal
                  message: "First."
                B_CODE:
                  owner: Legal
                  message: "B."
                A_CODE:
                  owner: Compliance
                  message: "Second."
                """, problems);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("A_CODE");
        });
    }
}
