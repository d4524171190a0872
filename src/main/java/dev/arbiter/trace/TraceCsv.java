package dev.arbiter.trace;

import java.io.IOException;
import java.util.List;

/**
 * Writes trace summaries as RFC 4180 CSV: a header row, CRLF line ends, and a field quoted (its quotes doubled)
 * exactly when it holds a comma, a semicolon, a quote, a tab, CR or LF. Reason codes are joined with {@code |}; an
 * absent request id is an empty field; times are ISO-8601 UTC instants as in the JSON.
 *
 * <p>Formula injection (OWASP "CSV Injection"): a field that starts with {@code = + - @}, a tab or CR could be run
 * by a spreadsheet as a formula, and caller-supplied values (customer id, request id) reach the file. Such a field
 * is written with a single quote {@code '} in front ({@code =1+1} becomes {@code '=1+1}), which spreadsheets show
 * as text; the JSON answers keep the value as stored. A value that itself starts with {@code '} gets one too
 * ({@code '=1} becomes {@code ''=1}), so the change is reversible by one rule: a field that starts with {@code '}
 * had one {@code '} added, and dropping it gives the value. Quoting the semicolon too keeps a value from starting
 * a new cell when a spreadsheet splits on semicolons.
 */
public final class TraceCsv {

    /**
     * The media type of the CSV answers, with RFC 4180's header parameter, exactly as the answers carry it: the
     * servlet container writes the charset last.
     */
    public static final String MEDIA_TYPE = "text/csv;header=present;charset=UTF-8";

    private static final String CRLF = "\r\n";

    private TraceCsv() {
    }

    public static void writeHeader(Appendable out) throws IOException {
        out.append(String.join(",", TraceSummary.COLUMNS)).append(CRLF);
    }

    public static void writeRow(Appendable out, TraceSummary trace) throws IOException {
        List<String> fields = List.of(field(trace.decisionId()), field(trace.requestId()), field(trace.clientName()),
                field(trace.customerId()),
                field(trace.channel()), field(trace.lineOfBusiness()), field(trace.outcome()),
                field(String.join("|", trace.reasonCodes())), field(trace.policyVersion()),
                field(trace.decidedAt().toString()));
        out.append(String.join(",", fields)).append(CRLF);
    }

    /**
     * @return the value as one CSV field: with a {@code '} in front when it could be a formula or starts with
     *         {@code '}, then quoted when it must be
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = needsAQuote(value) ? "'" + value : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '\t' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }

    /**
     * @return true when the value gets a {@code '} in front: a spreadsheet could take it for a formula (it starts
     *         with = + - @, a tab or CR), or it starts with {@code '} itself, so that a reader can tell the added
     *         quote from the value's own
     */
    static boolean needsAQuote(String value) {
        return !value.isEmpty() && "=+-@\t\r'".indexOf(value.charAt(0)) >= 0;
    }
}
