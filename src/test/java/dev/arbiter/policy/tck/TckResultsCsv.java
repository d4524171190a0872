package dev.arbiter.policy.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The TCK runners' results CSV: one line per test case, five quoted columns
 * ({@code "folder","test file","case id","SUCCESS|ERROR","message"}), no header, in folder then case id order. A quote
 * inside a field is doubled.
 */
final class TckResultsCsv {

    /** The order of the reference files: by folder, then by case id. */
    static final Comparator<TckRow> ORDER = Comparator.comparing(TckRow::folder).thenComparing(TckRow::caseId);

    private TckResultsCsv() {
    }

    static void write(Path file, List<TckRow> rows) throws IOException {
        StringBuilder csv = new StringBuilder();
        rows.stream().sorted(ORDER).forEach(row -> csv.append(String.join(",", quoted(row.folder()), quoted(row.testFile()),
                quoted(row.caseId()), quoted(row.result()), quoted(row.message()))).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    static List<TckRow> read(Path file) throws IOException {
        List<TckRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                List<String> fields = fields(line);
                rows.add(new TckRow(fields.get(0), fields.get(1), fields.get(2), "SUCCESS".equals(fields.get(3)),
                        fields.size() > 4 ? fields.get(4) : ""));
            }
        }
        return rows;
    }

    /** One line per row: line breaks in a message become spaces. */
    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"").replace('\r', ' ').replace('\n', ' ') + '"';
    }

    /** Splits one line of quoted fields. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
