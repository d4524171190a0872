package dev.arbiter.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** Per-file unified diffs between two sets of policy files. Stateless. */
final class Diffs {

    private static final int CONTEXT_LINES = 3;

    /** How a file changed. */
    enum Change { ADDED, REMOVED, MODIFIED }

    /** One changed file and its unified diff. */
    record FileDiff(String path, Change change, String diff) {
    }

    private Diffs() {
    }

    /** @return the files that differ, in path order; unchanged files are left out */
    static List<FileDiff> between(Map<String, String> from, Map<String, String> to) {
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : new TreeSet<>(union(from, to))) {
            String before = from.get(path);
            String after = to.get(path);
            if (before == null) {
                diffs.add(new FileDiff(path, Change.ADDED, unified(path, "", after)));
            } else if (after == null) {
                diffs.add(new FileDiff(path, Change.REMOVED, unified(path, before, "")));
            } else if (!before.equals(after)) {
                diffs.add(new FileDiff(path, Change.MODIFIED, unified(path, before, after)));
            }
        }
        return diffs;
    }

    /** @return path to unified diff, for storing with a version */
    static Map<String, String> asMap(List<FileDiff> diffs) {
        Map<String, String> byPath = new TreeMap<>();
        diffs.forEach(diff -> byPath.put(diff.path(), diff.diff()));
        return byPath;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        return paths;
    }

    private static String unified(String path, String before, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, original, patch, CONTEXT_LINES));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
