package dev.arbiter.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.audit.AuditLog;
import dev.arbiter.audit.ServiceActors;
import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.PolicyProperties;
import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.Scenario;
import dev.arbiter.scenario.ScenarioFormatException;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.scenario.ScenarioSuite;
import dev.arbiter.scenario.SuiteReport;

/**
 * Validates, tests, activates and rolls back policy versions. A version goes live only when it compiles without
 * error and every scenario passes; the swap is atomic, and every activation is recorded with who, when and why, in
 * the history and in the audit log (in one transaction), as is every rejected activation or rollback. Activations
 * and rollbacks are serialised; checks run concurrently.
 */
@Service
public class PolicyLifecycle {

    /** Why a candidate without scenarios is not tested: the gate, the test API and the command line all say it. */
    static final String NO_SCENARIOS = "there are no scenarios to test the policy with";

    static final String ACTIVATE = "ACTIVATE";
    static final String ROLLBACK = "ROLLBACK";
    /** Audit actions: {@code POLICY_} + the action, with {@code _REJECTED} when the gate refused the version. */
    private static final String AUDIT_PREFIX = "POLICY_";
    private static final String REJECTED = "_REJECTED";

    private final ActivePolicy active;
    private final PolicyHistory history;
    private final PolicyProperties properties;
    private final ScenarioSuite suite;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final PolicyLoader loader;

    PolicyLifecycle(ActivePolicy active, PolicyHistory history, PolicyProperties properties, ScenarioSuite suite,
                    TransactionTemplate transactions, Clock clock, AuditLog audit) {
        this.active = active;
        this.history = history;
        this.properties = properties;
        this.suite = suite;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.loader = properties.loader();
    }

    /** A candidate that went through the gate, with its bundle when it compiled. */
    private record Checked(GateResult gate, PolicyBundle bundle, PolicyFiles files, Map<String, String> scenarioFiles) {
    }

    /** @param files uploaded policy files, or null for the files on disk */
    public ValidationReport validate(Map<String, String> files) {
        Candidate.checkPaths(policyPlace(), files);
        return loader.validate(policyFiles(files)).report();
    }

    /**
     * Runs the scenarios against a candidate.
     *
     * @param files      uploaded policy files, or null for the files on disk
     * @param scenarios  uploaded scenario files, or null for the scenarios on disk
     * @param caseFilter only cases whose name contains this text (ignoring case), or null
     * @throws InvalidCandidateException naming {@code caseName} when the scenarios ran and no case name contains
     *                                   {@code caseFilter}: a filter that matches nothing is a mistake, not a pass
     */
    public GateResult test(Map<String, String> files, Map<String, String> scenarios, String caseFilter) {
        GateResult gate = check(candidate(files, scenarios), caseFilter).gate();
        if (caseFilter != null && gate.scenarios() != null && gate.scenarios().total() == 0) {
            throw new InvalidCandidateException("caseName", matchesNoCase(caseFilter, "caseName"));
        }
        return gate;
    }

    /**
     * @param option how the caller named the filter: {@code caseName} (API) or {@code --case} (command line)
     * @return why a case filter that selected no case is a mistake, not a pass of zero cases
     */
    static String matchesNoCase(String caseFilter, String option) {
        return "matches no case: no case name contains '" + caseFilter + "' (ignoring case); leave " + option
                + " out to run every case";
    }

    /** Validates and tests the candidate; activates it only if both pass. */
    public synchronized ActivationResult activate(String label, String comment, String author, Map<String, String> files,
                                                  Map<String, String> scenarios) {
        Checked checked = check(candidate(files, scenarios), null);
        return goLive(checked, label, comment, author, ACTIVATE);
    }

    /**
     * Re-activates a stored version after running its gate again with the scenarios it was stored with.
     *
     * @throws UnknownVersionException when no such version is stored
     */
    public synchronized ActivationResult rollback(String version, String comment, String author) {
        StoredVersion stored = history.find(version).orElseThrow(() -> new UnknownVersionException(version));
        Checked checked = check(new Candidate(stored.files(), stored.scenarioFiles()), null);
        return goLive(checked, stored.label(), comment, author, ROLLBACK);
    }

    private ActivationResult goLive(Checked checked, String label, String comment, String author, String action) {
        String version = checked.files().version();
        if (!checked.gate().passed()) {
            audit.record(author(author), AUDIT_PREFIX + action + REJECTED, version,
                    auditDetails(label, comment, active.current().version(), checked.gate()));
            return new ActivationResult(false, false, version, label, null, null, checked.gate());
        }
        ActivePolicy.Activation current = active.activation();
        if (current.bundle().version().equals(version)) {
            return new ActivationResult(true, false, version, current.label(), current.activatedAt(), current.activatedBy(),
                    checked.gate());
        }
        Instant now = clock.instant();
        String by = author(author);
        String effectiveLabel = label != null ? label : history.find(version).map(StoredVersion::label).orElse(null);
        transactions.executeWithoutResult(status -> {
            if (!history.exists(version)) {
                history.save(new StoredVersion(version, effectiveLabel, by, now, comment, current.bundle().version(),
                        checked.files().contents(), checked.scenarioFiles(),
                        Diffs.asMap(Diffs.between(current.bundle().files().contents(), checked.files().contents())),
                        checked.gate().validation(), checked.gate().scenarios()));
            }
            history.recordActivation(version, action, now, by, comment);
            audit.record(by, AUDIT_PREFIX + action, version,
                    auditDetails(effectiveLabel, comment, current.bundle().version(), checked.gate()));
        });
        active.activate(new ActivePolicy.Activation(checked.bundle(), effectiveLabel, now, by, action,
                checked.gate().validation().warnings()));
        return new ActivationResult(true, true, version, effectiveLabel, now, by, checked.gate());
    }

    /** @return what the audit log keeps of an activation or rollback besides who, what and when */
    private static Map<String, Object> auditDetails(String label, String comment, String previousVersion, GateResult gate) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", label);
        details.put("comment", comment);
        details.put("previousVersion", previousVersion);
        details.put("errors", gate.validation().errors().size());
        details.put("warnings", gate.validation().warnings().size());
        if (gate.scenarios() != null) {
            Map<String, Object> scenarios = new LinkedHashMap<>();
            scenarios.put("total", gate.scenarios().total());
            scenarios.put("passed", gate.scenarios().passed());
            scenarios.put("failed", gate.scenarios().failed());
            details.put("scenarios", scenarios);
        }
        if (gate.problem() != null) {
            details.put("problem", gate.problem());
        }
        return details;
    }

    private Candidate candidate(Map<String, String> files, Map<String, String> scenarios) {
        Candidate.checkPaths(policyPlace(), files);
        Candidate.checkPaths(Candidate.Place.scenarios(folderName(properties.scenarioDir())), scenarios);
        return new Candidate(policyFiles(files).contents(),
                scenarios != null ? scenarios : ScenarioLoader.read(properties.scenarioDir()));
    }

    /** @return where uploaded policy files may go: the folders the service reads its own policy from */
    private Candidate.Place policyPlace() {
        return Candidate.Place.policy(folderName(properties.rulesDir()), folderName(properties.dmnDir()));
    }

    /** @return the name policy files keep their folder by, as {@link PolicyFiles#read} does ({@code rules}) */
    private static String folderName(java.nio.file.Path folder) {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    private PolicyFiles policyFiles(Map<String, String> files) {
        return files != null ? new PolicyFiles(files) : properties.readFiles();
    }

    private Checked check(Candidate candidate, String caseFilter) {
        PolicyFiles files = new PolicyFiles(candidate.files());
        PolicyLoader.Validated validated = loader.validate(files);
        if (!validated.report().valid()) {
            return new Checked(new GateResult(validated.report(), null, null), null, files, candidate.scenarios());
        }
        try {
            List<Scenario> scenarios = new ScenarioLoader().parse(candidate.scenarios());
            if (scenarios.isEmpty()) {
                return new Checked(new GateResult(validated.report(), null, NO_SCENARIOS),
                        validated.bundle(), files, candidate.scenarios());
            }
            SuiteReport report = suite.run(validated.bundle(), scenarios, caseFilter);
            return new Checked(new GateResult(validated.report(), report, null), validated.bundle(), files, candidate.scenarios());
        } catch (ScenarioFormatException e) {
            return new Checked(new GateResult(validated.report(), null, e.getMessage()), validated.bundle(), files,
                    candidate.scenarios());
        }
    }

    /** @return the version deciding now */
    public ActivePolicyView active() {
        ActivePolicy.Activation activation = active.activation();
        return new ActivePolicyView(activation.bundle().version(), activation.label(), activation.activatedAt(),
                activation.activatedBy(), activation.action(), activation.warnings().size());
    }

    /** @return the newest stored versions, newest first */
    public List<VersionSummary> versions(int limit) {
        return history.list(limit, active.current().version());
    }

    /**
     * @throws UnknownVersionException when either version is not stored
     */
    public VersionDiff diff(String from, String to) {
        StoredVersion a = history.find(from).orElseThrow(() -> new UnknownVersionException(from));
        StoredVersion b = history.find(to).orElseThrow(() -> new UnknownVersionException(to));
        List<VersionDiff.FileChange> changes = Diffs.between(a.files(), b.files()).stream()
                .map(diff -> new VersionDiff.FileChange(diff.path(), diff.change().name(), diff.diff()))
                .toList();
        return new VersionDiff(from, to, changes);
    }

    static String author(String author) {
        return author == null || author.isBlank() ? ServiceActors.ANONYMOUS : author;
    }
}
