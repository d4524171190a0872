package dev.arbiter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/compliance.md names the fields a trace's {@code comparisons} really hold, and no other. */
class ComparisonDocumentationTest {

    private static final Pattern FIELD = Pattern.compile("`([a-zA-Z]+)` \\(");

    @Test
    void theTraceTableNamesEveryFieldOfAComparisonAndNoneThatIsNotThere() throws IOException {
        String row = comparisonsRow();

        Matcher named = FIELD.matcher(row);
        List<String> fields = new ArrayList<>();
        while (named.find()) {
            fields.add(named.group(1));
        }

        assertThat(fields).containsExactlyElementsOf(
                Arrays.stream(Comparison.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(row).doesNotContain("result");
    }

    private static String comparisonsRow() throws IOException {
        return Files.readAllLines(Path.of("docs/compliance.md")).stream()
                .filter(line -> line.startsWith("| `comparisons` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docs/compliance.md has no comparisons row"));
    }
}
