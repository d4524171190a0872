package dev.arbiter.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL that docs/compliance.md gives reviewers for recomputing content hashes, as printed there. */
final class DocumentedQueries {

    private DocumentedQueries() {
    }

    /** @return the "content hash" query for {@code database} ("H2" or "PostgreSQL"), without its final semicolon */
    static String contentHashQuery(String database) throws IOException {
        String docs = Files.readString(Path.of("docs/compliance.md"));
        Matcher block = Pattern.compile("```sql\\n(-- content hash, " + database + "\\n.*?)```", Pattern.DOTALL).matcher(docs);
        assertThat(block.find()).as("docs/compliance.md has the %s query", database).isTrue();
        return block.group(1).strip().replaceAll(";$", "");
    }
}
