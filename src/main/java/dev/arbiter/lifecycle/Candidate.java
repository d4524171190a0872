package dev.arbiter.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Policy files to check or activate: uploaded ones, or the files on disk when none were uploaded.
 *
 * @param files     policy file path (e.g. {@code rules/escalation.drl}) to content
 * @param scenarios scenario file path (e.g. {@code policy-tests/escalation.yaml}) to content
 */
record Candidate(Map<String, String> files, Map<String, String> scenarios) {

    /** One path segment: ASCII letters, digits, {@code . _ -}, not starting with a dot (no {@code ..}, no hidden files). */
    private static final String SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
    /** One character of a {@link #SEGMENT}. */
    private static final Pattern CHARACTER = Pattern.compile("[A-Za-z0-9._-]");
    /** What a name in a path may be, for messages. */
    private static final String NAMES = "file and folder names may use only ASCII letters, digits, ., _ and -, and may not"
            + " start with a dot";

    /**
     * Where uploaded files of one kind may go: the same places the service reads such files from on disk.
     *
     * @param field      the request field, for messages ({@code files} or {@code scenarios})
     * @param folders    the top-level folders, e.g. {@code rules} and {@code dmn-models}; the first names the example
     * @param extensions the allowed endings, e.g. {@code .drl}
     * @param example    a file name in the first folder, for messages
     */
    record Place(String field, List<String> folders, List<String> extensions, String example) {

        /** @return where policy files go: {@code rules/} and {@code dmn-models/}, or the configured folders' names */
        static Place policy(String rulesFolder, String dmnFolder) {
            return new Place("files", List.of(rulesFolder, dmnFolder), List.of(".drl", ".dmn", ".yaml", ".yml"), "escalation.drl");
        }

        /** @return where scenario files go: {@code policy-tests/}, or the configured folder's name */
        static Place scenarios(String scenarioFolder) {
            return new Place("scenarios", List.of(scenarioFolder), List.of(".yaml", ".yml"), "escalation.yaml");
        }

        boolean allows(String path) {
            String anyFolder = String.join("|", folders.stream().map(Pattern::quote).toList());
            return Pattern.matches("(" + anyFolder + ")(/" + SEGMENT + ")+", path) && extensions.stream().anyMatch(path::endsWith);
        }

        /**
         * @return why {@code path} is refused, or null when it is allowed: the {@link #rule()} when it is not below one
         *         of the folders or has another ending, else what is wrong with the name of a file or folder in it (the
         *         character that is not allowed, a name starting with a dot, an empty name)
         */
        String mistake(String path) {
            if (allows(path)) {
                return null;
            }
            String folder = folders.stream().filter(each -> path.startsWith(each + "/")).findFirst().orElse(null);
            if (folder == null || extensions.stream().noneMatch(path::endsWith)) {
                return rule();
            }
            for (String name : path.substring(folder.length() + 1).split("/", -1)) {
                if (name.isEmpty()) {
                    return "has an empty file or folder name (two slashes in a row): " + NAMES;
                }
                if (name.startsWith(".")) {
                    return "has a name starting with a dot, '" + name + "': " + NAMES;
                }
                int bad = name.codePoints().filter(c -> !CHARACTER.matcher(Character.toString(c)).matches()).findFirst().orElse(-1);
                if (bad >= 0) {
                    return "has " + character(bad) + " in '" + name + "': " + NAMES;
                }
            }
            return rule();
        }

        /** @return e.g. {@code the character 'ü' (U+00FC)}, or {@code a space} */
        private static String character(int codePoint) {
            if (codePoint == ' ') {
                return "a space";
            }
            String shown = Character.isISOControl(codePoint) ? "" : "'" + Character.toString(codePoint) + "' ";
            return "the character " + shown + "(U+" + String.format("%04X", codePoint) + ")";
        }

        /** @return what a path must be, e.g. "must be a file below rules/ or dmn-models/ ..." */
        String rule() {
            return "must be a file below " + String.join(" or ", folders.stream().map(folder -> folder + "/").toList())
                    + " (such as " + folders.get(0) + "/" + example + ") ending in " + words(extensions);
        }

        private static String words(List<String> items) {
            return items.size() == 1 ? items.get(0)
                    : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
        }
    }

    /**
     * @param files uploaded files (path to content), or null when none were uploaded
     * @throws InvalidCandidateException naming the first path that is not a file of {@code place} (saying why: see
     *                                   {@link Place#mistake}), or that has no content
     */
    static void checkPaths(Place place, Map<String, String> files) {
        if (files == null) {
            return;
        }
        files.forEach((path, content) -> {
            String field = place.field() + "['" + path + "']";
            String mistake = place.mistake(path);
            if (mistake != null) {
                throw new InvalidCandidateException(field, mistake);
            }
            if (content == null) {
                throw new InvalidCandidateException(field, "must have content");
            }
        });
    }
}
