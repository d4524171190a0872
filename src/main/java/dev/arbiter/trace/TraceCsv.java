package dev.arbiter.trace;

import java.io.IOException;
import java.util.List;

/**
 * Writes trace summaries as RFC 4180 CSV: a header row, CRLF line ends, and a field quoted (its quotes doubled)
 * exactly when it holds a comma, a quote, CR or LF. Reason codes are joined with {@code |}; an absent request id is
 * an empty field; times are ISO-8601 UTC instants as in the JSON. Values are written as stored: a spreadsheet that
 * treats a leading {@code =} as a formula should import the file rather than open it.
 */
public final class TraceCsv {

    /** The media type of the CSV answers, with RFC 4180's header parameter. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

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

    static String field(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
