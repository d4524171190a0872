package dev.arbiter.scoring.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV as RFC 4180 defines it: a header line, then records of comma-separated fields; a field in double quotes
 * may hold commas, line breaks and doubled quotes ({@code ""} for one {@code "}). Records end with CRLF or LF; a
 * leading byte-order mark is skipped; a last record without line break is read. Stateless.
 */
final class CsvReader {

    private CsvReader() {
    }

    /** The records of a CSV file, each by column name, in file order. */
    record Table(List<String> header, List<Map<String, String>> rows) {

        /** @throws IllegalArgumentException naming the first column the table lacks */
        Table requireColumns(String source, List<String> columns) {
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(source + " has no column '" + column + "' (it has " + header + ")");
                }
            }
            return this;
        }
    }

    /** @throws IllegalArgumentException when the file is not valid CSV (with the line number) */
    static Table read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws IllegalArgumentException when the text is not valid CSV (with the line number) */
    static Table parse(String text, String source) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: a CSV file needs a header line");
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(source + ": record " + r + " has " + fields.size() + " fields, the header "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                row.put(header.get(f), fields.get(f));
            }
            rows.add(row);
        }
        return new Table(List.copyOf(header), rows);
    }

    private static List<List<String>> records(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int i = 0;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty() && !fieldStarted) {
                int startLine = line;
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException(source + ": the quoted field opened on line " + startLine + " never closes");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        field.append(q);
                        i++;
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException(source + ", line " + line + ": text after a closing quote");
                }
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
                line++;
            } else if (c == '"') {
                throw new IllegalArgumentException(source + ", line " + line + ": a quote inside an unquoted field");
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
