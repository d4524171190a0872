package dev.arbiter.policy.tck;

import java.util.List;

/**
 * A TCK test file ({@code *-test-01.xml}).
 *
 * @param name      the file name without {@code .xml}, as the results CSV names it
 * @param modelName the file name of the model under test
 */
record TckFile(String name, String modelName, List<TckCase> cases) {

    TckFile {
        cases = List.copyOf(cases);
    }
}
