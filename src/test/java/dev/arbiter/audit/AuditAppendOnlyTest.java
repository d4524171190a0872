package dev.arbiter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The audit log is append-only by construction: no statement in the service's sources changes or removes its
 * rows, and the schema only ever creates the table, adds columns or adds indexes to it.
 */
class AuditAppendOnlyTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern CHANGES_AUDIT = Pattern.compile(
            "\\b(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(\\s+TABLE)?|DROP\\s+TABLE|ALTER\\s+TABLE)\\s+admin_audit\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERTS_AUDIT = Pattern.compile("\\bINSERT\\s+INTO\\s+admin_audit\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> GROWING_CHANGES = Set.of("createTable", "createIndex", "addColumn");

    @Test
    void noSourceUpdatesOrDeletesAuditEntries() throws IOException {
        List<String> offenders = new ArrayList<>();
        int inserts = 0;
        for (Path file : sources()) {
            String text = Files.readString(file);
            if (CHANGES_AUDIT.matcher(text).find()) {
                offenders.add(file.toString());
            }
            if (INSERTS_AUDIT.matcher(text).find()) {
                inserts++;
            }
        }

        assertThat(offenders).as("sources with a statement that changes admin_audit rows").isEmpty();
        assertThat(inserts).as("the scan sees the statement that writes the log").isPositive();
    }

    @Test
    void theSchemaOnlyGrowsTheAuditTable() throws IOException {
        JsonNode changelog = new YAMLMapper().readTree(MAIN.resolve("resources/db/changelog/db.changelog-master.yaml").toFile());
        List<String> touching = new ArrayList<>();

        for (JsonNode entry : changelog.path("databaseChangeLog")) {
            for (JsonNode change : entry.path("changeSet").path("changes")) {
                change.propertyNames().forEach(type -> {
                    if (change.path(type).toString().toLowerCase().contains("admin_audit")) {
                        touching.add(type);
                    }
                });
            }
        }

        assertThat(touching).contains("createTable").allMatch(GROWING_CHANGES::contains);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".sql")
                            || file.toString().endsWith(".yaml") || file.toString().endsWith(".xml"))
                    .toList();
        }
    }
}
