package dev.arbiter.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV fields are RFC 4180 and never start like a spreadsheet formula: a value starting with = + - @, a tab or CR
 * gets a single quote in front (OWASP "CSV Injection"), and is then quoted as any other value would be. A value
 * starting with a single quote gets one too, so that dropping the one leading quote of a field always gives the value.
 */
class TraceCsvTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1+1", "=cmd|' /C calc'!A0"})
    void aValueThatStartsLikeAFormulaIsWrittenAsText(String value) {
        assertThat(unquoted(TraceCsv.field(value))).isEqualTo("'" + value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'=1", "'", "''", "'plain", "'-2"})
    void aValueThatStartsWithAQuoteGetsOneMoreSoThatItReadsBackUnchanged(String value) {
        String field = unquoted(TraceCsv.field(value));

        assertThat(field).isEqualTo("'" + value);
        assertThat(read(field)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=1", "'=1", "c-123", "a'b", "-", "@", ""})
    void theReadersRuleDropOneLeadingQuoteGivesBackEveryValue(String value) {
        assertThat(read(unquoted(TraceCsv.field(value)))).isEqualTo(value);
    }

    /** The reader's rule of docs/compliance.md: a field that starts with ' had one ' added: drop it. */
    private static String read(String field) {
        return field.startsWith("'") ? field.substring(1) : field;
    }

    @Test
    void aFormulaStartingWithCarriageReturnIsNeutralisedAndQuoted() {
        assertThat(TraceCsv.field("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void aNeutralisedValueKeepsItsCsvQuoting() {
        assertThat(TraceCsv.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "c-123|c-123", "a=b|a=b", "1+1|1+1", "x@y|x@y"})
    void otherValuesAreWrittenAsTheyAre(String value, String written) {
        assertThat(TraceCsv.field(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\nb", "a\r\nb", "a\tb"})
    void aLineBreakOrTabInsideAValueIsQuotedSoThatTheRowStaysOneRecord(String value) {
        assertThat(TraceCsv.field(value)).isEqualTo("\"" + value + "\"");
    }

    @Test
    void aSemicolonIsQuotedSoThatItCannotStartANewCellWhereSemicolonsSeparate() {
        assertThat(TraceCsv.field("a;=1+1")).isEqualTo("\"a;=1+1\"");
    }

    @Test
    void everyClientSuppliedColumnOfARowIsNeutralised() throws IOException {
        StringBuilder csv = new StringBuilder();

        TraceCsv.writeRow(csv, summary("@SUM(A1)", "=1+1"));

        assertThat(csv.toString()).isEqualTo("d-1,'@SUM(A1),web-chat,'=1+1,CHAT,RETAIL,AUTOMATE,"
                + "AUTOMATION_APPROVED,v1,2026-11-21T10:00:00Z\r\n");
    }

    private static TraceSummary summary(String requestId, String customerId) {
        return new TraceSummary("d-1", requestId, "web-chat", customerId, "CHAT", "RETAIL", "AUTOMATE",
                List.of("AUTOMATION_APPROVED"), "v1", Instant.parse("2026-11-21T10:00:00Z"));
    }

    private static String unquoted(String field) {
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }
}
