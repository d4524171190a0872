package dev.arbiter.lifecycle;

import java.util.List;

/** The per-file unified diff from one stored version to another. */
public record VersionDiff(String from, String to, List<FileChange> files) {

    /** One changed file: ADDED, REMOVED or MODIFIED, with its unified diff. */
    public record FileChange(String path, String change, String diff) {
    }
}
