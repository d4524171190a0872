package dev.arbiter.policy.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.feel.lang.types.impl.ComparablePeriod;

import dev.arbiter.policy.DmnEvaluation;
import dev.arbiter.policy.DmnPolicy;
import dev.arbiter.policy.FeelValues;
import dev.arbiter.policy.PolicyProblem;

/**
 * The service's conversion of caller values to FEEL, alone and through {@link DmnPolicy}: each case is a value a
 * caller may send that FEEL misread before the conversion handled it.
 */
class FeelValuesTest {

    private static final String MODEL = "conversion.dmn";
    private static final String DMN = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="conversion" name="Conversion"
                         namespace="https://arbiter.dev/test/conversion">
              <itemDefinition name="tDates" isCollection="true"><typeRef>date</typeRef></itemDefinition>
              <itemDefinition name="tLoan">
                <itemComponent name="start"><typeRef>date</typeRef></itemComponent>
                <itemComponent name="term"><typeRef>years and months duration</typeRef></itemComponent>
              </itemDefinition>
              <inputData id="in-x" name="x"><variable name="x"/></inputData>
              <inputData id="in-day" name="day"><variable name="day" typeRef="date"/></inputData>
              <inputData id="in-at" name="at"><variable name="at" typeRef="date and time"/></inputData>
              <inputData id="in-clock" name="clock"><variable name="clock" typeRef="time"/></inputData>
              <inputData id="in-wait" name="wait"><variable name="wait" typeRef="days and time duration"/></inputData>
              <inputData id="in-days" name="days"><variable name="days" typeRef="tDates"/></inputData>
              <inputData id="in-loan" name="loan"><variable name="loan" typeRef="tLoan"/></inputData>
              %s
            </definitions>
            """;

    private static DmnPolicy policy;

    @BeforeAll
    static void compile() {
        String decisions = String.join("\n",
                decision("x as is", "x", "x"),
                decision("index of 1", "x", "index of(x, 1)"),
                decision("distinct", "x", "distinct values(concatenate(x, [1]))"),
                decision("same context", "x", "x = {a: 0.1}"),
                decision("rounded", "x", "decimal(x[1], 2)"),
                decision("time of x", "x", "time(x)"),
                decision("years of x", "x", "x.years"),
                decision("day after", "day", "day + duration(\"P1D\")"),
                decision("hour", "at", "at.hour"),
                decision("before noon", "clock", "clock < time(\"12:00:00Z\")"),
                decision("wait hours", "wait", "wait.hours"),
                decision("last day", "days", "max(days)"),
                decision("loan end", "loan", "loan.start + loan.term"));
        List<PolicyProblem> problems = new ArrayList<>();
        policy = DmnPolicy.compile(Map.of(MODEL, DMN.formatted(decisions)), problems);
        assertThat(problems).noneMatch(PolicyProblem::isError);
    }

    private static String decision(String name, String input, String expression) {
        String id = name.replace(' ', '-');
        return """
                <decision id="%s" name="%s"><variable name="%s"/>
                  <informationRequirement id="%s-ir"><requiredInput href="#in-%s"/></informationRequirement>
                  <literalExpression><text>%s</text></literalExpression>
                </decision>""".formatted(id, name, name, id, input, expression.replace("<", "&lt;"));
    }

    private static Object evaluate(String decision, String input, Object value) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(input, value);
        DmnEvaluation evaluation = policy.evaluateDecision(MODEL, decision, inputs);
        return evaluation.value(decision);
    }

    @Test
    void numbersBecomeDecimalsWithTheDigitsWrittenAtAnyDepth() {
        assertThat(FeelValues.toFeel(0.1d)).isEqualTo(new BigDecimal("0.1"));
        assertThat(FeelValues.toFeel(0.1f)).isEqualTo(new BigDecimal("0.1"));
        assertThat(FeelValues.toFeel(List.of(1, 2L, (short) 3))).isEqualTo(List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3)));
        assertThat(FeelValues.toFeel(Map.of("a", List.of(0.25d)))).isEqualTo(Map.of("a", List.of(new BigDecimal("0.25"))));
        assertThat(FeelValues.toFeel(new BigInteger("123456789012345678901234567890")))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void nestedNumbersCompareAsFeelNumbers() {
        assertThat(evaluate("index of 1", "x", List.of(1, 2))).isEqualTo(List.of(BigDecimal.ONE));
        assertThat(evaluate("distinct", "x", List.of(1))).isEqualTo(List.of(BigDecimal.ONE));
        assertThat(evaluate("same context", "x", Map.of("a", 0.1d))).isEqualTo(true);
        assertThat(evaluate("rounded", "x", List.of(2.345d))).isEqualTo(new BigDecimal("2.34"));
        assertThat(evaluate("x as is", "x", List.of(7))).isEqualTo(List.of(BigDecimal.valueOf(7)));
    }

    @Test
    void notANumberAndInfinitiesAreNull() {
        assertThat(FeelValues.toFeel(Double.NaN)).isNull();
        assertThat(FeelValues.toFeel(Double.POSITIVE_INFINITY)).isNull();
        assertThat(FeelValues.toFeel(List.of(Float.NEGATIVE_INFINITY))).isEqualTo(java.util.Collections.singletonList(null));
    }

    @Test
    void offsetDateTimesAndInstantsBecomeFeelDateTimes() {
        OffsetDateTime offset = OffsetDateTime.parse("2024-05-01T09:15:30+02:00");
        assertThat(FeelValues.toFeel(offset)).isEqualTo(ZonedDateTime.parse("2024-05-01T09:15:30+02:00"));
        assertThat(FeelValues.toFeel(Instant.parse("2024-05-01T07:15:30Z"))).isEqualTo(ZonedDateTime.of(2024, 5, 1, 7, 15, 30, 0, ZoneOffset.UTC));
        assertThat(evaluate("time of x", "x", offset)).isEqualTo(OffsetTime.parse("09:15:30+02:00"));
    }

    @Test
    void periodsBecomeNormalizedFeelDurations() {
        assertThat(FeelValues.toFeel(Period.ofMonths(14))).isEqualTo(new ComparablePeriod(Period.of(1, 2, 0)));
        assertThat(FeelValues.toFeel(Period.ofDays(3))).isEqualTo(Duration.ofDays(3));
        assertThat(evaluate("years of x", "x", Period.ofMonths(14))).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void collectionsAndArraysBecomeListsAndCharactersStrings() {
        assertThat(FeelValues.toFeel(new int[] {1, 2})).isEqualTo(List.of(BigDecimal.ONE, BigDecimal.valueOf(2)));
        assertThat(FeelValues.toFeel(new LinkedHashSet<>(List.of("a", "b")))).isEqualTo(List.of("a", "b"));
        assertThat(FeelValues.toFeel('c')).isEqualTo("c");
        assertThat(FeelValues.toFeel(Map.of(1, "one"))).isEqualTo(Map.of("1", "one"));
    }

    @Test
    void isoTextIsReadForTheDeclaredDateTimeAndDurationTypes() {
        assertThat(evaluate("day after", "day", "2024-02-28")).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(evaluate("hour", "at", "2024-05-01T09:15:30+02:00")).isEqualTo(BigDecimal.valueOf(9));
        assertThat(evaluate("before noon", "clock", "10:20:00Z")).isEqualTo(true);
        assertThat(evaluate("wait hours", "wait", "P1DT2H")).isEqualTo(BigDecimal.valueOf(2));
        assertThat(evaluate("last day", "days", List.of("2024-01-02", "2023-12-31"))).isEqualTo(LocalDate.parse("2024-01-02"));
        assertThat(evaluate("loan end", "loan", Map.of("start", "2024-01-31", "term", "P1Y1M"))).isEqualTo(LocalDate.parse("2025-02-28"));
    }

    @Test
    void textIsLeftAloneWhereNoDateTypeIsDeclaredOrWhenFeelCannotReadIt() {
        assertThat(evaluate("x as is", "x", "2024-05-01")).isEqualTo("2024-05-01");
        assertThat(FeelValues.toFeel("10:20:00")).isEqualTo("10:20:00");
        DmnEvaluation unreadable = policy.evaluateDecision(MODEL, "day after", Map.of("day", "yesterday"));
        assertThat(unreadable.value("day after")).isNull();
        assertThat(unreadable.hasErrors()).isTrue();
    }

    @Test
    void feelValuesAreKept() {
        LocalTime time = LocalTime.parse("10:20:00");
        assertThat(FeelValues.toFeel(time)).isSameAs(time);
        assertThat(FeelValues.toFeel("text")).isEqualTo("text");
        assertThat(FeelValues.toFeel(true)).isEqualTo(true);
        assertThat(FeelValues.toFeel(null)).isNull();
    }
}
