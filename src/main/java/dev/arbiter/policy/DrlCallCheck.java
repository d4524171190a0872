package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.arbiter.policy.DrlText.Kind;
import dev.arbiter.policy.DrlText.Reading;
import dev.arbiter.policy.DrlText.Token;

/**
 * Refuses rule files that use anything outside the {@link DrlAllowList}, reading only their text: nothing of the files
 * is compiled, loaded or run. Every name outside comments and text literals is checked, wherever it is (imports,
 * globals, functions, conditions, {@code eval}, {@code from}, {@code accumulate}, consequences in either dialect):
 * <ul>
 *   <li>a dotted name starting with a package ({@link DrlAllowList#PACKAGE_ROOTS}, or any name that is a class on the
 *       class path, e.g. {@code liquibase.Scope}) must be an allowed class;</li>
 *   <li>a capitalised name (a type or a static call) must be an allowed class, a type the rule files declare, or an
 *       allowed import; names in CONSTANT_STYLE are not types;</li>
 *   <li>every file is in the package {@link DrlAllowList#POLICY_PACKAGE}, so rule names are unique across files;</li>
 *   <li>a name that is a class of the rule file's own package must be an allowed class;</li>
 *   <li>the mvel dialect is refused: it resolves names only while rules run;</li>
 *   <li>the names in {@link DrlAllowList#MEMBERS} are refused everywhere, and {@code kcontext} and {@code drools} may
 *       only be used as {@link DrlAllowList} says.</li>
 * </ul>
 * Instances are single use; {@link #check} is thread-safe.
 */
final class DrlCallCheck {

    private static final String DEFAULT_PACKAGE = "defaultpkg";
    private static final Pattern MVEL_DIALECT = Pattern.compile("\\bdialect\\s*[\"']mvel[\"']", Pattern.CASE_INSENSITIVE);
    private static final String FACTS_PACKAGE = "dev.arbiter.policy.facts";
    private static final Set<String> DECLARE_KINDS = Set.of("trait", "enum", "window");
    private static final Set<String> IMPORT_KINDS = Set.of("static", "function", "accumulate");

    private final Map<String, String> files;
    private final Map<String, Set<String>> declaredTypes = new HashMap<>();
    private final Map<String, Set<String>> functions = new HashMap<>();
    private final Set<String> declaredQualified = new HashSet<>();
    private final Map<String, Boolean> classes = new HashMap<>();
    private final Map<String, PolicyProblem> found = new LinkedHashMap<>();

    private DrlCallCheck(Map<String, String> files) {
        this.files = files;
    }

    /**
     * @param files DRL files, path to content; not null
     * @return one ERROR per refused use, with file, line, column and a message naming what was used and why it is
     *         refused; empty when every file keeps to the allow-list
     */
    static List<PolicyProblem> check(Map<String, String> files) {
        return new DrlCallCheck(files).run();
    }

    private List<PolicyProblem> run() {
        Map<String, List<Reading>> readings = new LinkedHashMap<>();
        files.forEach((file, content) -> readings.put(file, DrlText.readings(content)));
        readings.values().forEach(fileReadings -> fileReadings.forEach(this::collectDeclarations));
        readings.forEach((file, fileReadings) -> fileReadings.forEach(reading -> new FileCheck(file, reading).run()));
        return new ArrayList<>(found.values());
    }

    /** Types (used like allowed classes) and functions (called by name) that the rule files declare, by package. */
    private void collectDeclarations(Reading reading) {
        List<Token> tokens = reading.tokens();
        String pkg = packageOf(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            if (isKeyword(tokens, i, "declare")) {
                int name = i + 1;
                while (isWord(tokens, name) && DECLARE_KINDS.contains(tokens.get(name).text())) {
                    name++;
                }
                if (isWord(tokens, name)) {
                    declareType(pkg, tokens.get(name).text());
                }
            } else if (isKeyword(tokens, i, "function")) {
                int paren = i + 1;
                while (paren < tokens.size() && !tokens.get(paren).is("(") && !isStatementEnd(tokens.get(paren))) {
                    paren++;
                }
                if (is(tokens, paren, "(") && isWord(tokens, paren - 1) && paren - 1 > i) {
                    functions.computeIfAbsent(pkg, key -> new HashSet<>()).add(tokens.get(paren - 1).text());
                }
            }
        }
    }

    /**
     * A {@code declare} of a name that is already a class (of java.lang, or of the file's package) only adds metadata
     * to that class: it is not a new type, and the class stays subject to the allow-list.
     */
    private void declareType(String pkg, String name) {
        if (!isClass("java.lang." + name) && !isClass(pkg + "." + name)) {
            declaredTypes.computeIfAbsent(pkg, key -> new HashSet<>()).add(name);
            declaredQualified.add(pkg + "." + name);
        }
    }

    private static boolean isStatementEnd(Token token) {
        return token.is(";") || token.is("{") || token.is("}") || token.is("=");
    }

    private static String packageOf(List<Token> tokens) {
        int line = packageLine(tokens);
        return line < 0 ? DEFAULT_PACKAGE : String.join(".", segments(tokens, line + 1));
    }

    /** @return the index of the {@code package} keyword of the file's package line, or -1 when it has none */
    private static int packageLine(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (isKeyword(tokens, i, "package") && isWord(tokens, i + 1)) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when {@code segments} (a dotted name) starts with an allowed or declared class */
    private boolean allowsQualified(List<String> segments) {
        for (int k = 1; k < segments.size(); k++) {
            String prefix = String.join(".", segments.subList(0, k + 1));
            if (DrlAllowList.allowsClass(prefix) || declaredQualified.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @return the class a dotted name refers to (its first prefix that is a class), for messages */
    private String shownClass(List<String> segments) {
        String firstCapitalised = null;
        for (int k = 1; k < segments.size(); k++) {
            String prefix = String.join(".", segments.subList(0, k + 1));
            if (isClass(prefix)) {
                return prefix;
            }
            if (firstCapitalised == null && Character.isUpperCase(segments.get(k).charAt(0))) {
                firstCapitalised = prefix;
            }
        }
        return firstCapitalised != null ? firstCapitalised : String.join(".", segments);
    }

    /** @return true when some prefix of the dotted name, of two segments or more, is a class on the class path */
    private boolean namesAClass(List<String> segments) {
        for (int k = 1; k < segments.size(); k++) {
            if (isClass(String.join(".", segments.subList(0, k + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Looks a class up without initialising it, so none of its code runs. */
    private boolean isClass(String qualifiedName) {
        return classes.computeIfAbsent(qualifiedName, name -> {
            try {
                Class.forName(name, false, DrlCallCheck.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            } catch (LinkageError e) {
                return true;
            }
        });
    }

    private static boolean isWord(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.WORD;
    }

    private static boolean is(List<Token> tokens, int i, String text) {
        return i >= 0 && i < tokens.size() && tokens.get(i).is(text);
    }

    private static boolean isMember(List<Token> tokens, int i) {
        return is(tokens, i - 1, ".") || is(tokens, i - 1, "::");
    }

    /** @return true when the word at {@code i} is {@code keyword} used as a keyword, not as a member name */
    private static boolean isKeyword(List<Token> tokens, int i, String keyword) {
        return is(tokens, i, keyword) && tokens.get(i).kind() == Kind.WORD && !isMember(tokens, i);
    }

    /** @return the segments of the dotted name starting at word {@code i} ({@code java . io . File}) */
    private static List<String> segments(List<Token> tokens, int i) {
        List<String> segments = new ArrayList<>(List.of(tokens.get(i).text()));
        for (int j = i + 1; is(tokens, j, ".") && isWord(tokens, j + 1); j += 2) {
            segments.add(tokens.get(j + 1).text());
        }
        return segments;
    }

    private static boolean looksLikeType(String name) {
        return Character.isUpperCase(name.charAt(0)) && name.chars().anyMatch(Character::isLowerCase);
    }

    /** The check of one reading of one file. */
    private final class FileCheck {
        private final String file;
        private final String content;
        private final Reading reading;
        private final List<Token> tokens;
        private final String pkg;
        private final Map<String, String> imported = new HashMap<>();
        private final Set<String> importedAllowed = new HashSet<>();
        private final List<String> wildcards = new ArrayList<>();

        FileCheck(String file, Reading reading) {
            this.file = file;
            this.content = files.get(file);
            this.reading = reading;
            this.tokens = reading.tokens();
            this.pkg = packageOf(tokens);
        }

        void run() {
            checkPackage();
            Matcher mvel = MVEL_DIALECT.matcher(content);
            while (mvel.find()) {
                report(mvel.start(), "The mvel dialect resolves names while rules run, so what it calls cannot be checked:"
                        + " write the rule in the java dialect (the default)");
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).kind() == Kind.WORD) {
                    i = checkWord(i);
                }
            }
            if (reading.unreadable() >= 0) {
                report(reading.unreadable(), "This quote, comment or text block is never closed or cannot be read the way"
                        + " the rule compilers read it, so the policy check cannot accept the file");
            }
        }

        /** A file outside {@link DrlAllowList#POLICY_PACKAGE} could reuse a rule name: refused at its package line. */
        private void checkPackage() {
            int line = packageLine(tokens);
            if (line < 0) {
                report(0, "rules in " + file + " must be in package " + DrlAllowList.POLICY_PACKAGE
                        + ": start the file with \"package " + DrlAllowList.POLICY_PACKAGE + ";\"");
            } else if (!pkg.equals(DrlAllowList.POLICY_PACKAGE)) {
                report(tokens.get(line).offset(), "rules in " + file + " must be in package "
                        + DrlAllowList.POLICY_PACKAGE + ", not " + pkg);
            }
        }

        /** @return the index of the last token handled */
        private int checkWord(int i) {
            Token token = tokens.get(i);
            if (isMember(tokens, i)) {
                checkName(token);
                return i;
            }
            switch (token.text()) {
                case "package" -> {
                    return isWord(tokens, i + 1) ? i + 2 * segments(tokens, i + 1).size() - 1 : i;
                }
                case "import" -> {
                    return checkImport(i);
                }
                case "rule", "query" -> {
                    if (isWord(tokens, i + 1) && !is(tokens, i + 2, ".") && !is(tokens, i + 2, "(")) {
                        checkName(tokens.get(i + 1));
                        return i + 1;
                    }
                }
                default -> {
                }
            }
            checkName(token);
            if (DrlAllowList.ENGINE_HANDLES.contains(token.text())) {
                checkEngineUse(i);
                return i;
            }
            List<String> segments = segments(tokens, i);
            boolean qualified = segments.size() > 1
                    && (DrlAllowList.PACKAGE_ROOTS.contains(segments.get(0)) || namesAClass(segments));
            if (qualified) {
                checkQualified(token, segments);
            } else if (!is(tokens, i - 1, "@")) {
                checkSimpleName(i);
            }
            return i;
        }

        /** Member names refused whatever they are called on, and the engine's generated fact-handle variables. */
        private void checkName(Token token) {
            if (DrlAllowList.memberRefusal(token.text()) != null) {
                report(token.offset(), DrlAllowList.memberMessage(token.text()));
            } else if (token.text().endsWith("__Handle__")) {
                report(token.offset(), token.text() + ": " + DrlAllowList.ENGINE + " is not allowed in policy rules");
            }
        }

        private void checkQualified(Token token, List<String> segments) {
            if (!allowsQualified(segments)) {
                String shown = shownClass(segments);
                report(token.offset(), DrlAllowList.refusal(shown, shown));
            }
        }

        private void checkSimpleName(int i) {
            String name = tokens.get(i).text();
            String local = pkg + "." + name;
            if (!imported.containsKey(name) && isClass(local)) {
                if (!DrlAllowList.allowsClass(local)) {
                    report(tokens.get(i).offset(), DrlAllowList.refusal(name, local));
                }
                return;
            }
            if (looksLikeType(name) && !allowsSimpleName(name) && !isFunctionCall(i)) {
                String importable = importable(name);
                report(tokens.get(i).offset(), importable != null ? DrlAllowList.notImported(name, importable)
                        : DrlAllowList.refusal(name, guessClass(name)));
            }
        }

        /**
         * @return the package of {@link DrlAllowList#PACKAGES} that has a class {@code name} the file uses without
         *         importing it (e.g. {@code Interaction} in a file without {@code import dev.arbiter.policy.facts.*;}),
         *         or null
         */
        private String importable(String name) {
            if (imported.containsKey(name)) {
                return null;
            }
            return DrlAllowList.PACKAGES.stream().sorted().filter(pkg -> isClass(pkg + "." + name)).findFirst().orElse(null);
        }

        private boolean allowsSimpleName(String name) {
            return DrlAllowList.allowsSimpleName(name) && !imported.containsKey(name) || importedAllowed.contains(name)
                    || declaredTypes.getOrDefault(pkg, Set.of()).contains(name)
                    || wildcards.stream().anyMatch(wildcard -> isClass(wildcard + "." + name));
        }

        private boolean isFunctionCall(int i) {
            return functions.getOrDefault(pkg, Set.of()).contains(tokens.get(i).text()) && is(tokens, i + 1, "(")
                    && !is(tokens, i - 1, "new");
        }

        /** @return the class a simple name most likely means, for the message, or null */
        private String guessClass(String name) {
            if (imported.containsKey(name)) {
                return imported.get(name);
            }
            return isClass("java.lang." + name) ? "java.lang." + name : null;
        }

        /**
         * {@code import}, {@code import static}, {@code import function}, {@code import accumulate}: the class must be
         * allowed; {@code *} only for the packages of {@link DrlAllowList#PACKAGES}.
         *
         * @return the index of the last token of the import
         */
        private int checkImport(int i) {
            int start = i + 1;
            String kind = isWord(tokens, start) && IMPORT_KINDS.contains(tokens.get(start).text()) ? tokens.get(start++).text() : "";
            if (!isWord(tokens, start)) {
                return i;
            }
            List<String> segments = segments(tokens, start);
            int last = start + 2 * segments.size() - 2;
            for (int j = start; j <= last; j += 2) {
                checkName(tokens.get(j));
            }
            boolean wildcard = is(tokens, last + 1, ".") && is(tokens, last + 2, "*");
            String name = String.join(".", segments);
            int offset = tokens.get(start).offset();
            if (wildcard && kind.isEmpty()) {
                checkWildcardImport(offset, name, segments);
                return last + 2;
            }
            if (!allowsQualified(segments)) {
                String shown = shownClass(segments);
                report(offset, DrlAllowList.refusal(shown, shown));
            } else if (kind.isEmpty()) {
                importedAllowed.add(segments.get(segments.size() - 1));
            }
            if (kind.isEmpty()) {
                imported.put(segments.get(segments.size() - 1), name);
            }
            return wildcard ? last + 2 : last;
        }

        private void checkWildcardImport(int offset, String name, List<String> segments) {
            if (DrlAllowList.PACKAGES.contains(name) || allowsQualified(segments)) {
                wildcards.add(name);
            } else if (DrlAllowList.reasonFor(name) != null) {
                report(offset, DrlAllowList.refusal(name + ".*", name + ".*"));
            } else {
                report(offset, name + ".*: only " + String.join(", ", DrlAllowList.PACKAGES.stream().sorted().toList())
                        + " may be imported with *; import the classes you need one by one");
            }
        }

        /**
         * {@code kcontext} and {@code drools} may be the first argument of a domain-model factory
         * ({@code Finding.escalate(kcontext, ...)}), or be used for an allowed action or to read the rule's name.
         * Anywhere else (a variable, a collection, a finding's value) they would hand the engine to other code.
         */
        private void checkEngineUse(int i) {
            if (isFactoryArgument(i) || allowedEngineCall(i)) {
                return;
            }
            Token token = tokens.get(i);
            String used = is(tokens, i + 1, ".") && isWord(tokens, i + 2) ? token.text() + "." + tokens.get(i + 2).text() : token.text();
            report(token.offset(), used + ": " + DrlAllowList.ENGINE + " is not allowed in policy rules; pass " + token.text()
                    + " only as the first argument of a fact factory (Finding.escalate(kcontext, ...)) or call "
                    + String.join(", ", DrlAllowList.ENGINE_ACTIONS.stream().sorted().toList()) + " or getRule().getName() on it");
        }

        private boolean isFactoryArgument(int i) {
            return (is(tokens, i + 1, ",") || is(tokens, i + 1, ")")) && is(tokens, i - 1, "(") && isWord(tokens, i - 2)
                    && is(tokens, i - 3, ".") && isWord(tokens, i - 4)
                    && isClass(FACTS_PACKAGE + "." + tokens.get(i - 4).text());
        }

        private boolean allowedEngineCall(int i) {
            if (!is(tokens, i + 1, ".") || !isWord(tokens, i + 2)) {
                return false;
            }
            String member = tokens.get(i + 2).text();
            if (DrlAllowList.ENGINE_ACTIONS.contains(member)) {
                return true;
            }
            int next = i + 3;
            if (is(tokens, next, "(") && is(tokens, next + 1, ")")) {
                next += 2;
            }
            return (member.equals("getRule") || member.equals("rule")) && is(tokens, next, ".") && isWord(tokens, next + 1)
                    && DrlAllowList.RULE_READS.contains(tokens.get(next + 1).text());
        }

        private void report(int offset, String message) {
            int line = PolicyFiles.lineOf(content, offset);
            found.putIfAbsent(file + ":" + offset + ":" + message,
                    PolicyProblem.error(file, line, DrlText.columnOf(content, offset), null, message));
        }
    }
}
