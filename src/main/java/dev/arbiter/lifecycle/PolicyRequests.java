package dev.arbiter.lifecycle;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.arbiter.web.MaxCharacters;

/** Request bodies of the policy management API. Absent files mean "the files on disk". */
final class PolicyRequests {

    private PolicyRequests() {
    }

    /** Files to validate. */
    record Validate(@Size(max = 500) Map<String, String> files) {
    }

    /** Files and scenarios to test; {@code caseName} runs only cases whose name contains it. */
    record Test(@Size(max = 500) Map<String, String> files, @Size(max = 500) Map<String, String> scenarios,
                @MaxCharacters(200) String caseName) {
    }

    /** What to activate, with a label and comment for the history. */
    record Activate(@MaxCharacters(200) String label, @MaxCharacters(2000) String comment,
                    @Size(max = 500) Map<String, String> files, @Size(max = 500) Map<String, String> scenarios) {
    }

    /** The stored version to go back to. */
    record Rollback(@NotBlank @MaxCharacters(64) String version, @MaxCharacters(2000) String comment) {
    }
}
