package dev.arbiter.trace;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The answer and trace JSON of stored records, which are kept in one of two forms: as UTF-8 bytes in
 * {@code response_json_utf8} and {@code trace_json_utf8} (every record written since changeSet
 * {@code 11-json-as-utf8-bytes}), or as text in {@code response_json} and {@code trace_json} (records written
 * before). A database constraint keeps exactly one form per record. Stateless.
 */
final class StoredJson {

    /** Selects both forms of both documents, in the order {@link #response} and {@link #trace} read them. */
    static final String COLUMNS = "response_json, response_json_utf8, trace_json, trace_json_utf8";

    private StoredJson() {
    }

    /** @return the answer JSON of the row, whose {@link #COLUMNS} start at column {@code first} */
    static String response(ResultSet row, int first) throws SQLException {
        return text(row, first);
    }

    /** @return the trace JSON of the row, whose {@link #COLUMNS} start at column {@code first} */
    static String trace(ResultSet row, int first) throws SQLException {
        return text(row, first + 2);
    }

    private static String text(ResultSet row, int textColumn) throws SQLException {
        byte[] utf8 = row.getBytes(textColumn + 1);
        return utf8 != null ? new String(utf8, StandardCharsets.UTF_8) : row.getString(textColumn);
    }
}
