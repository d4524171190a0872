package dev.arbiter.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.arbiter.policy.facts.Outcome;

/**
 * Compiles policy files into a {@link PolicyBundle} and checks what the engines alone cannot: that every reason
 * code used is in the catalog, that the decisions the service reads exist, that word lists named by rules exist,
 * and (before compiling any rule) that the rule files use nothing outside the {@link DrlAllowList}.
 * The bundles it makes fire at most a set number of rules per evaluation (see {@link PolicyProperties#maxRuleFirings()}).
 * Immutable and thread-safe.
 */
public final class PolicyLoader {

    /** Codes the service itself emits when it must fail safe; the catalog must define them. */
    static final List<String> SERVICE_CODES = List.of(ReasonCatalog.ENGINE_ERROR, "NO_POLICY_DECISION");

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern LIST_REFERENCE = Pattern.compile("list\\s*==\\s*\"([^\"]+)\"");
    /** A FEEL number written out: {@code 4}, {@code -1}, {@code 2.5}, {@code .5}. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** FEEL literals other than numbers and quoted text. */
    private static final Set<String> WORD_LITERALS = Set.of("null", "true", "false");

    private final int maxRuleFirings;

    /** A loader whose bundles fire at most {@link PolicyProperties#DEFAULT_MAX_RULE_FIRINGS} rules per evaluation. */
    public PolicyLoader() {
        this(PolicyProperties.DEFAULT_MAX_RULE_FIRINGS);
    }

    /**
     * @param maxRuleFirings the most rules one evaluation of a bundle may fire; an evaluation that reaches it fails
     *                       (the decision fails safe, a scenario fails)
     * @throws IllegalArgumentException when it is not positive
     */
    public PolicyLoader(int maxRuleFirings) {
        if (maxRuleFirings < 1) {
            throw new IllegalArgumentException("The most rule firings per evaluation must be positive, not " + maxRuleFirings);
        }
        this.maxRuleFirings = maxRuleFirings;
    }

    /** The outcome of validating policy files: the report, and the bundle when the files had no error. */
    public record Validated(ValidationReport report, PolicyBundle bundle) {
    }

    /**
     * @return the compiled bundle; its {@link PolicyBundle#warnings()} list what did not block loading
     * @throws PolicyLoadException listing every error (with file and line) when the files cannot make a bundle
     */
    public PolicyBundle load(PolicyFiles files) {
        Validated validated = compile(files, false);
        if (validated.bundle() == null) {
            throw new PolicyLoadException(validated.report().problems());
        }
        return validated.bundle();
    }

    /**
     * Compiles the files and also runs the DMN model and decision-table analysis (slower: use it before
     * activating, not on every load). Never throws for a problem in the files.
     */
    public Validated validate(PolicyFiles files) {
        return compile(files, true);
    }

    /**
     * Which of the vocabulary files could be read. When one could not (a key written twice, broken YAML, a missing
     * catalog), the checks against it are left out: each would only repeat, for every code or list, that the file did
     * not load, and bury the one error that says why.
     */
    private record Readable(boolean catalog, boolean phrases) {
    }

    private Validated compile(PolicyFiles files, boolean analyse) {
        List<PolicyProblem> problems = new ArrayList<>();
        int before = problems.size();
        ReasonCatalog catalog = catalog(files, problems);
        boolean catalogRead = problems.size() == before || !catalog.codes().isEmpty();
        before = problems.size();
        PhraseLists phrases = phrases(files, problems);
        Readable readable = new Readable(catalogRead, problems.size() == before || !phrases.phrases().isEmpty());
        ExplanationTemplates explanations = explanations(files, problems);
        DmnPolicy dmn = compileModels(files.withExtension(".dmn"), problems);
        DrlPolicy drl = compileRules(files.withExtension(".drl"), problems, maxRuleFirings);
        if (dmn != null && drl != null) {
            Set<String> used = new HashSet<>(SERVICE_CODES);
            checkTables(dmn, catalog, readable, used, problems);
            checkRules(files, drl, catalog, phrases, readable, used, problems);
            if (readable.catalog()) {
                checkCatalog(files, catalog, used, problems);
            }
        }
        if (analyse && dmn != null) {
            DmnAnalysis.analyse(files.withExtension(".dmn"), problems);
        }
        problems.sort(Comparator.comparing(PolicyProblem::severity).thenComparing(PolicyProblem::file)
                .thenComparingInt(PolicyProblem::line));
        ValidationReport report = ValidationReport.of(files.version(), problems);
        boolean usable = dmn != null && drl != null && report.valid();
        return new Validated(report,
                usable ? new PolicyBundle(files, catalog, phrases, dmn, drl, report.warnings(), explanations) : null);
    }

    /**
     * Checks the rule files against the {@link DrlAllowList} first and compiles them only when they keep to it, so no
     * code of a refused bundle (a function, a declared type, an MVEL expression) is ever compiled, loaded or run.
     */
    private static DrlPolicy compileRules(Map<String, String> drlFiles, List<PolicyProblem> problems, int maxRuleFirings) {
        List<PolicyProblem> refused = DrlCallCheck.check(drlFiles);
        problems.addAll(refused);
        return refused.isEmpty() ? DrlPolicy.compile(drlFiles, problems, maxRuleFirings) : null;
    }

    /** Checks the DMN files for functions that reach Java first and compiles them only when there is none. */
    private static DmnPolicy compileModels(Map<String, String> dmnFiles, List<PolicyProblem> problems) {
        List<PolicyProblem> refused = DmnCallCheck.check(dmnFiles);
        problems.addAll(refused);
        return refused.isEmpty() ? DmnPolicy.compile(dmnFiles, problems) : null;
    }

    private static ReasonCatalog catalog(PolicyFiles files, List<PolicyProblem> problems) {
        Map.Entry<String, String> file = files.named(ReasonCatalog.FILE_NAME);
        if (file == null) {
            problems.add(PolicyProblem.error("rules/" + ReasonCatalog.FILE_NAME, "The reason catalog is missing"));
            return ReasonCatalog.parse("rules/" + ReasonCatalog.FILE_NAME, "{}", new ArrayList<>());
        }
        return ReasonCatalog.parse(file.getKey(), file.getValue(), problems);
    }

    private static PhraseLists phrases(PolicyFiles files, List<PolicyProblem> problems) {
        Map.Entry<String, String> file = files.named(PhraseLists.FILE_NAME);
        String name = file == null ? "rules/" + PhraseLists.FILE_NAME : file.getKey();
        return PhraseLists.parse(name, file == null ? "{}" : file.getValue(), problems);
    }

    private static ExplanationTemplates explanations(PolicyFiles files, List<PolicyProblem> problems) {
        Map.Entry<String, String> file = files.named(ExplanationTemplates.FILE_NAME);
        if (file == null) {
            String name = "rules/" + ExplanationTemplates.FILE_NAME;
            problems.add(PolicyProblem.error(name, "The explanation templates are missing: every policy needs " + name));
            return ExplanationTemplates.parse(name, "{}", new ArrayList<>());
        }
        return ExplanationTemplates.parse(file.getKey(), file.getValue(), problems);
    }

    private static void checkTables(DmnPolicy dmn, ReasonCatalog catalog, Readable readable, Set<String> used,
                                    List<PolicyProblem> problems) {
        requireDecision(dmn, DmnPolicy.Phase.ASSESS, PolicyBundle.THRESHOLD_DECISION, problems);
        requireDecision(dmn, DmnPolicy.Phase.ASSESS, PolicyBundle.QUEUE_DECISION, problems);
        requireDecision(dmn, DmnPolicy.Phase.ROUTE, PolicyBundle.PRIORITY_DECISION, problems);
        requireDecision(dmn, DmnPolicy.Phase.ROUTE, PolicyBundle.MODEL_TIER_DECISION, problems);
        dmn.inputNames().forEach((file, names) -> names.stream().filter(name -> !PolicyFacts.TABLE_INPUTS.contains(name))
                .forEach(name -> problems.add(PolicyProblem.warning(file, name, "Input '" + name
                        + "' is not one the service provides, so it is always null; the inputs are "
                        + new java.util.TreeSet<>(PolicyFacts.TABLE_INPUTS)))));
        for (DmnPolicy.OutputCell cell : dmn.outputCells()) {
            if (cell.only() && dmn.runsAfterArbitration(cell.file())) {
                checkRouteCell(cell, problems);
            }
            if (cell.column() == null || cell.text().equals("null")) {
                continue;
            }
            if (cell.column().equals("reason") && dmn.runsAfterArbitration(cell.file())) {
                problems.add(PolicyProblem.warning(cell.file(), cell.decision() + "/" + cell.rowId(),
                        "A reason in a table that runs after arbitration (it has an input 'outcome' or 'escalated') is ignored"));
                continue;
            }
            String element = cell.decision() + "/" + cell.rowId();
            Matcher quoted = QUOTED.matcher(cell.text());
            boolean literal = quoted.matches();
            if (cell.column().equals("reason")) {
                checkReasonCell(cell, element, literal ? quoted.group(1) : null, readable.catalog() ? catalog : null, used, problems);
            } else if (cell.column().equals("outcome")) {
                checkOutcomeCell(cell, element, literal ? quoted.group(1) : null, problems);
            }
        }
    }

    private static void requireDecision(DmnPolicy dmn, DmnPolicy.Phase phase, String decision, List<PolicyProblem> problems) {
        if (dmn.fileDefining(phase, decision) == null) {
            String when = phase == DmnPolicy.Phase.ROUTE ? "after the outcome is known (with an input 'outcome' or 'escalated')"
                    : "before the rules";
            problems.add(PolicyProblem.error("dmn-models", 0, 0, decision,
                    "The service needs a decision named '" + decision + "' evaluated " + when));
        }
    }

    /** @param catalog the catalog, or null when it could not be read (then no code is looked up in it) */
    private static void checkReasonCell(DmnPolicy.OutputCell cell, String element, String code, ReasonCatalog catalog,
                                        Set<String> used, List<PolicyProblem> problems) {
        if (code == null) {
            problems.add(PolicyProblem.error(cell.file(), 0, 0, element, "A reason must be a quoted reason code or null, not " + cell.text()));
        } else if (catalog == null) {
            return;
        } else if (!catalog.contains(code)) {
            problems.add(PolicyProblem.error(cell.file(), 0, 0, element, "Reason code " + code + " is not in the reason catalog"));
        } else {
            used.add(code);
        }
    }

    private static void checkOutcomeCell(DmnPolicy.OutputCell cell, String element, String outcome, List<PolicyProblem> problems) {
        try {
            Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException e) {
            problems.add(PolicyProblem.error(cell.file(), 0, 0, element,
                    "An outcome must be one of AUTOMATE, HUMAN_REVIEW, ROUTE_TO_AGENT, ESCALATE or null, not " + cell.text()));
        }
    }

    /**
     * Checks a literal value of the decisions the service reads after arbitration against the API contract: a
     * {@code Priority} is a whole number from {@link RoutePlan#HIGHEST_PRIORITY} to {@link RoutePlan#LOWEST_PRIORITY},
     * a {@code Model tier} a {@link ModelTier}. An expression ({@code Base priority - 1}) is left to the scenarios.
     */
    private static void checkRouteCell(DmnPolicy.OutputCell cell, List<PolicyProblem> problems) {
        String text = cell.text();
        boolean number = NUMBER.matcher(text).matches();
        if (!number && !QUOTED.matcher(text).matches() && !WORD_LITERALS.contains(text)) {
            return;
        }
        String element = cell.decision() + "/" + cell.rowId();
        if (cell.decision().equals(PolicyBundle.PRIORITY_DECISION) && !(number && RoutePlan.isPriority(new BigDecimal(text)))) {
            problems.add(PolicyProblem.error(cell.file(), 0, 0, element, "A priority (column '" + cell.heading()
                    + "') must be a whole number from " + RoutePlan.HIGHEST_PRIORITY + " to " + RoutePlan.LOWEST_PRIORITY
                    + ", not " + text));
        }
        Matcher quoted = QUOTED.matcher(text);
        if (cell.decision().equals(PolicyBundle.MODEL_TIER_DECISION) && !(quoted.matches() && ModelTier.isTier(quoted.group(1)))) {
            problems.add(PolicyProblem.error(cell.file(), 0, 0, element, "A model tier (column '" + cell.heading()
                    + "') must be one of " + ModelTier.choices() + ", not " + text));
        }
    }

    private static void checkRules(PolicyFiles files, DrlPolicy drl, ReasonCatalog catalog, PhraseLists phrases,
                                   Readable readable, Set<String> used, List<PolicyProblem> problems) {
        for (DrlPolicy.EmittedCode emitted : readable.catalog() ? drl.emittedCodes() : List.<DrlPolicy.EmittedCode>of()) {
            if (catalog.contains(emitted.code())) {
                used.add(emitted.code());
            } else {
                problems.add(PolicyProblem.error(emitted.file(), emitted.line(), 0, null,
                        "Reason code " + emitted.code() + " is not in the reason catalog"));
            }
        }
        if (!readable.phrases()) {
            return;
        }
        files.withExtension(".drl").forEach((file, content) -> {
            Matcher matcher = LIST_REFERENCE.matcher(content);
            while (matcher.find()) {
                if (!phrases.has(matcher.group(1))) {
                    int line = PolicyFiles.lineOf(content, matcher.start());
                    problems.add(PolicyProblem.error(file, line, 0, null,
                            "Word list '" + matcher.group(1) + "' is not defined in " + PhraseLists.FILE_NAME));
                }
            }
        });
    }

    private static void checkCatalog(PolicyFiles files, ReasonCatalog catalog, Set<String> used, List<PolicyProblem> problems) {
        Map.Entry<String, String> file = files.named(ReasonCatalog.FILE_NAME);
        String name = file == null ? "rules/" + ReasonCatalog.FILE_NAME : file.getKey();
        for (String code : SERVICE_CODES) {
            if (!catalog.contains(code)) {
                problems.add(PolicyProblem.error(name, 0, 0, code, "The service emits " + code + " when it must fail safe: define it"));
            }
        }
        ReasonCatalog.Entry engineError = catalog.entry(ReasonCatalog.ENGINE_ERROR);
        if (engineError != null && engineError.queue() == null) {
            problems.add(PolicyProblem.warning(name, ReasonCatalog.ENGINE_ERROR, ReasonCatalog.ENGINE_ERROR + " names no queue:"
                    + " a decision that fails safe before the Queue table gives a queue has none; add queue: (and skill:)"));
        }
        for (String code : catalog.codes()) {
            if (!used.contains(code)) {
                problems.add(PolicyProblem.warning(name, code, "Reason code " + code + " is not used by any rule or table row"));
            }
        }
    }
}
