package dev.arbiter.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.policy.facts.Suppression;

/**
 * All policy files compiled together: decision tables, rules, the reason catalog, the word lists and the
 * explanation templates.
 * Its version is the SHA-256 of the files, so a decision made with it names exactly the policy that decided.
 * Immutable and thread-safe; evaluate as many decisions concurrently as you like.
 */
public final class PolicyBundle {

    /** Decisions the service reads by name: the contract between the service and the policy files. */
    static final String THRESHOLD_DECISION = "Automation threshold";
    static final String QUEUE_DECISION = "Queue";
    static final String PRIORITY_DECISION = "Priority";
    static final String MODEL_TIER_DECISION = "Model tier";

    private static final String RULE_ORIGIN = "rule:";
    /** Table output naming a recommended next best action. */
    private static final String NEXT_BEST_ACTION = "nextBestAction";
    /** Table outputs that steer the decision rather than fill the reason's message. */
    private static final java.util.Set<String> ROW_CONTROLS = java.util.Set.of("reason", "outcome", "passed", "queue", "skill");

    private final PolicyFiles files;
    private final String version;
    private final ReasonCatalog catalog;
    private final PhraseLists phrases;
    private final DmnPolicy dmn;
    private final DrlPolicy drl;
    private final List<PolicyProblem> warnings;
    private final ExplanationTemplates explanations;

    PolicyBundle(PolicyFiles files, ReasonCatalog catalog, PhraseLists phrases, DmnPolicy dmn, DrlPolicy drl,
                 List<PolicyProblem> warnings, ExplanationTemplates explanations) {
        this.files = files;
        this.version = files.version();
        this.catalog = catalog;
        this.phrases = phrases;
        this.dmn = dmn;
        this.drl = drl;
        this.warnings = List.copyOf(warnings);
        this.explanations = explanations;
    }

    /** @return the SHA-256 of the bundle's files */
    public String version() {
        return version;
    }

    public PolicyFiles files() {
        return files;
    }

    public ReasonCatalog catalog() {
        return catalog;
    }

    public PhraseLists phrases() {
        return phrases;
    }

    /** @return the sentences of plain-language explanations ({@code rules/explanations.yaml}) */
    public ExplanationTemplates explanations() {
        return explanations;
    }

    /**
     * @return problems that did not prevent loading (unused codes, engine warnings); the decision-table analysis
     *         is among them only when the bundle was made by {@link PolicyLoader#validate}, not by
     *         {@link PolicyLoader#load}. The warnings of a version are those of its full validation: see
     *         {@link ActivePolicy.Activation#warnings()}
     */
    public List<PolicyProblem> warnings() {
        return warnings;
    }

    /**
     * Evaluates the decision tables that do not depend on the outcome, then fires the rules.
     *
     * @throws PolicyEvaluationException when a table or rule fails; the caller must fail safe
     */
    public Assessment assess(PolicyFacts facts) {
        List<TableEvaluation> tables = new ArrayList<>();
        List<DecisionOutput> outputs = dmn.evaluate(DmnPolicy.Phase.ASSESS, facts.tableInputs(), tables);
        Double threshold = null;
        String nextBestAction = null;
        Map<?, ?> queue = Map.of();
        List<Finding> findings = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (DecisionOutput output : outputs) {
            if (THRESHOLD_DECISION.equals(output.decision()) && output.value() instanceof BigDecimal value) {
                threshold = value.doubleValue();
            }
            if (QUEUE_DECISION.equals(output.decision()) && output.value() instanceof Map<?, ?> map) {
                queue = map;
            }
            readRows(output, tables, findings, comparisons);
            nextBestAction = nextBestAction != null ? nextBestAction : nextBestAction(output.value());
        }
        Interaction assessed = facts.interaction().withAutomationThreshold(threshold);
        List<Object> ruleFacts = facts.ruleFacts(assessed);
        ruleFacts.addAll(findings);
        DrlRecorder.Recording recording = drl.fire(ruleFacts);
        List<Suppression> suppressions = new ArrayList<>();
        for (Object inserted : recording.inserted) {
            if (inserted instanceof Finding finding) {
                findings.add(checked(finding));
            } else if (inserted instanceof Suppression suppression) {
                suppressions.add(checked(suppression));
            }
        }
        List<RuleFiring> fired = recording.fired.stream().map(drl::locate).toList();
        return new Assessment(findings, suppressions, text(queue.get("queue")), text(queue.get("skill")), threshold,
                nextBestAction, comparisons, tables, fired);
    }

    private static String nextBestAction(Object value) {
        List<?> rows = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
        for (Object row : rows) {
            if (row instanceof Map<?, ?> map && map.get(NEXT_BEST_ACTION) != null) {
                return map.get(NEXT_BEST_ACTION).toString();
            }
        }
        return null;
    }

    private Finding checked(Finding finding) {
        if (!catalog.contains(finding.getCode())) {
            throw new PolicyEvaluationException("Rule " + finding.getOrigin() + " emitted a reason code missing from the catalog: "
                    + finding.getCode());
        }
        return finding;
    }

    private Suppression checked(Suppression suppression) {
        if (!catalog.contains(suppression.getCode())) {
            throw new PolicyEvaluationException("Rule " + suppression.getOrigin() + " suppressed an action with a reason code"
                    + " missing from the catalog: " + suppression.getCode());
        }
        return suppression;
    }

    private void readRows(DecisionOutput output, List<TableEvaluation> tables, List<Finding> findings, List<Comparison> comparisons) {
        List<?> values = output.value() instanceof List<?> list ? list : java.util.Collections.singletonList(output.value());
        TableEvaluation table = null;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Map<?, ?> row && isRead(row)) {
                table = table != null ? table : tableOf(output, tables);
                readRow(output.file() + "#" + output.decision() + rowName(table, i), row, findings, comparisons);
            }
        }
    }

    /** @return true when the row compares a value with a threshold or gives a reason: only then is it read */
    private static boolean isRead(Map<?, ?> row) {
        return (row.get("value") != null && row.get("threshold") != null) || row.get("reason") != null;
    }

    /** @return the table evaluation that produced {@code output}, or null */
    private static TableEvaluation tableOf(DecisionOutput output, List<TableEvaluation> tables) {
        for (TableEvaluation table : tables) {
            if (table.file().equals(output.file()) && table.decision().equals(output.decision())) {
                return table;
            }
        }
        return null;
    }

    /** @return how a source names the {@code i}th selected row: {@code /row 3 (row-id)}, or empty when not known */
    private static String rowName(TableEvaluation table, int i) {
        if (table == null || i >= table.selectedRows().size()) {
            return "";
        }
        String id = i < table.selectedIds().size() ? " (" + table.selectedIds().get(i) + ")" : "";
        return "/row " + table.selectedRows().get(i) + id;
    }

    private void readRow(String source, Map<?, ?> row, List<Finding> findings, List<Comparison> comparisons) {
        if (row.get("value") != null && row.get("threshold") != null) {
            Object passed = row.get("passed");
            comparisons.add(new Comparison(source, text(row.get("subject")), plain(row.get("value")),
                    plain(row.get("threshold")), passed instanceof Boolean b ? b : null));
        }
        Object reason = row.get("reason");
        if (reason == null) {
            return;
        }
        Outcome outcome;
        try {
            outcome = row.get("outcome") == null ? null : Outcome.valueOf(String.valueOf(row.get("outcome")));
        } catch (IllegalArgumentException e) {
            throw new PolicyEvaluationException(source + " gives reason " + reason + " with outcome " + row.get("outcome")
                    + "; an outcome must be AUTOMATE, HUMAN_REVIEW, ROUTE_TO_AGENT, ESCALATE or null (advisory)", e);
        }
        if (!catalog.contains(String.valueOf(reason))) {
            throw new PolicyEvaluationException(source + " gives a reason code missing from the catalog: " + reason);
        }
        Finding finding = new Finding(outcome, String.valueOf(reason), source);
        if (row.get("queue") != null) {
            finding.toQueue(text(row.get("queue")), text(row.get("skill")));
        }
        row.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (!ROW_CONTROLS.contains(name)) {
                finding.with(name, plain(value));
            }
        });
        findings.add(finding);
    }

    private static Object plain(Object value) {
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A queue and the skill needed in it; either may be null. */
    public record QueueAndSkill(String queue, String skill) {
    }

    /**
     * Where a decision that failed safe with {@value ReasonCatalog#ENGINE_ERROR} goes when no reason names a queue:
     * the Queue table's queue and skill, from the first pass when it ran, else from the Queue table evaluated on its
     * own (a rule or another table may have failed); when that gives no queue either, the queue and skill the reason
     * catalog names for {@value ReasonCatalog#ENGINE_ERROR}. Never throws.
     *
     * @param firstPass the Queue table's queue and skill from a first pass that ran, or null when it failed
     * @return the queue and skill; the queue is null only when neither the table nor the catalog names one
     */
    public QueueAndSkill failSafeQueue(PolicyFacts facts, QueueAndSkill firstPass) {
        QueueAndSkill table = firstPass != null ? firstPass : queueAlone(facts);
        if (table.queue() != null) {
            return table;
        }
        ReasonCatalog.Entry entry = catalog.entry(ReasonCatalog.ENGINE_ERROR);
        return entry == null ? table : new QueueAndSkill(entry.queue(), entry.skill());
    }

    /** @return the Queue table's queue and skill, evaluated on its own; both null when it fails or gives none */
    private QueueAndSkill queueAlone(PolicyFacts facts) {
        try {
            if (dmn.evaluateAlone(DmnPolicy.Phase.ASSESS, QUEUE_DECISION, facts.tableInputs()) instanceof Map<?, ?> row) {
                return new QueueAndSkill(text(row.get("queue")), text(row.get("skill")));
            }
        } catch (RuntimeException e) {
            // The table fails on its own too: the catalog's queue applies. The failure that made the case fail safe
            // is already in its trace.
        }
        return new QueueAndSkill(null, null);
    }

    /**
     * Evaluates the decision tables that depend on the outcome: priority and model tier.
     *
     * @throws PolicyEvaluationException when a table fails, or gives a priority or model tier outside the API contract
     *                                   (a whole number from {@link RoutePlan#HIGHEST_PRIORITY} to
     *                                   {@link RoutePlan#LOWEST_PRIORITY}, a {@link ModelTier}); the caller must fail safe
     */
    public RoutePlan route(PolicyFacts facts, Outcome outcome) {
        Map<String, Object> inputs = facts.tableInputs();
        inputs.put("outcome", outcome.name());
        inputs.put("escalated", outcome == Outcome.ESCALATE);
        List<TableEvaluation> tables = new ArrayList<>();
        Object priority = null;
        Object modelTier = null;
        for (DecisionOutput output : dmn.evaluate(DmnPolicy.Phase.ROUTE, inputs, tables)) {
            if (PRIORITY_DECISION.equals(output.decision())) {
                priority = output.value();
            }
            if (MODEL_TIER_DECISION.equals(output.decision())) {
                modelTier = output.value();
            }
        }
        if (!RoutePlan.isPriority(priority) || !ModelTier.isTier(modelTier)) {
            throw new PolicyEvaluationException("The routing tables gave priority " + priority + " and model tier " + modelTier
                    + " for outcome " + outcome + "; a priority must be a whole number from " + RoutePlan.HIGHEST_PRIORITY
                    + " to " + RoutePlan.LOWEST_PRIORITY + ", a model tier " + ModelTier.choices());
        }
        return new RoutePlan(((BigDecimal) priority).intValueExact(), modelTier.toString(), tables);
    }

    /**
     * @return where a finding came from, as {@code file#rule} for rules or {@code file#decision/row} for tables
     */
    public String sourceOf(String origin) {
        if (origin.startsWith(RULE_ORIGIN)) {
            return drl.sourceOf(origin.substring(RULE_ORIGIN.length()));
        }
        return origin;
    }

    /**
     * @return every decision-table row as {@code file#decision/row id} and every rule as {@code file#rule name},
     *         for coverage reports
     */
    public Inventory inventory() {
        java.util.Set<String> rows = new java.util.TreeSet<>();
        dmn.outputCells().forEach(cell -> rows.add(row(cell.file(), cell.decision(), cell.rowId())));
        java.util.Set<String> rules = new java.util.TreeSet<>();
        drl.rules().forEach(rule -> rules.add(rule.file() + "#" + rule.rule()));
        return new Inventory(rows, rules);
    }

    /** @return how coverage names a decision-table row */
    public static String row(String file, String decision, String rowId) {
        return file + "#" + decision + "/" + rowId;
    }

    /** All decision-table rows and rules of a bundle, named as in coverage reports. */
    public record Inventory(java.util.Set<String> rows, java.util.Set<String> rules) {
    }

    DmnPolicy dmn() {
        return dmn;
    }

    DrlPolicy drl() {
        return drl;
    }
}
