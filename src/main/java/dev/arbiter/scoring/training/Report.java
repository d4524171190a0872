package dev.arbiter.scoring.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.arbiter.scoring.ModelFiles;

/**
 * An evaluation report built section by section, written as Markdown for people ({@code <name>-report.md}) and JSON
 * for tools ({@code <name>-report.json}). Not thread-safe.
 */
final class Report {

    private final StringBuilder markdown = new StringBuilder();
    private final Map<String, Object> json = new LinkedHashMap<>();

    Report heading(int level, String text) {
        markdown.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    Report paragraph(String text) {
        markdown.append(text).append("\n\n");
        return this;
    }

    /** Adds a Markdown table; cells are written with {@link String#valueOf}, doubles with {@link #number}. */
    Report table(List<String> header, List<List<?>> rows) {
        markdown.append('|').append(String.join("|", header)).append("|\n|");
        header.forEach(h -> markdown.append("---|"));
        markdown.append('\n');
        for (List<?> row : rows) {
            markdown.append('|');
            for (Object cell : row) {
                markdown.append(cell instanceof Double d ? number(d) : String.valueOf(cell).replace("|", "\\|")).append('|');
            }
            markdown.append('\n');
        }
        markdown.append('\n');
        return this;
    }

    /** Records a value in the JSON report. */
    Report put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    /** Adds the per-class table and the confusion matrix. */
    Report classification(ClassificationMetrics metrics) {
        paragraph("Accuracy **" + number(metrics.accuracy()) + "**, macro-F1 **" + number(metrics.macroF1()) + "**.");
        List<List<?>> rows = new ArrayList<>();
        metrics.perClass().forEach(c -> rows.add(List.of(c.label(), c.precision(), c.recall(), c.f1(), c.support())));
        table(List.of("label", "precision", "recall", "F1", "support"), rows);
        List<String> header = new ArrayList<>(List.of("true \\ predicted"));
        for (int c = 0; c < metrics.labels().size(); c++) {
            header.add(String.valueOf(c + 1));
        }
        List<List<?>> matrix = new ArrayList<>();
        for (int t = 0; t < metrics.labels().size(); t++) {
            List<Object> row = new ArrayList<>(List.of((t + 1) + " " + metrics.labels().get(t)));
            for (int count : metrics.confusion()[t]) {
                row.add(count == 0 ? "·" : count);
            }
            matrix.add(row);
        }
        paragraph("Confusion matrix (rows: true label, columns: predicted label, numbered as the rows; · is 0):");
        return table(header, matrix);
    }

    /**
     * Adds a reliability table.
     *
     * @param outcome what the share column counts, e.g. "share right"
     */
    Report reliability(String caption, Reliability reliability, String outcome) {
        paragraph(caption + " — expected calibration error (ECE) **" + number(reliability.ece()) + "**:");
        List<List<?>> rows = new ArrayList<>();
        reliability.bins().forEach(b -> rows.add(List.of("(" + number(b.from(), 1) + ", " + number(b.to(), 1) + "]", b.count(),
                b.confidence(), b.accuracy(), Math.abs(b.accuracy() - b.confidence()))));
        return table(List.of("confidence bin", "n", "mean confidence", outcome, "gap"), rows);
    }

    /** Adds one row per threshold: share automated and accuracy of what passes. */
    Report automation(List<Automation> rows) {
        List<List<?>> cells = new ArrayList<>();
        rows.forEach(a -> cells.add(List.of(number(a.threshold(), 2), a.automated() + " / " + a.total(), a.share(), a.accuracy())));
        return table(List.of("threshold", "automated", "share automated", "accuracy of automated"), cells);
    }

    /**
     * Writes {@code <name>-report.md} and {@code <name>-report.json} into {@code directory}.
     *
     * @return the Markdown file
     */
    Path write(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path md = directory.resolve(name + "-report.md");
        Files.writeString(md, markdown.toString().stripTrailing() + "\n");
        Files.writeString(directory.resolve(name + "-report.json"), ModelFiles.prettyJson(json) + "\n");
        return md;
    }

    static String number(double value) {
        return number(value, 4);
    }

    static String number(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
