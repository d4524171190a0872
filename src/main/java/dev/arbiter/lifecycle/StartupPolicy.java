package dev.arbiter.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.audit.ServiceActors;
import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.PolicyProperties;
import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.ScenarioLoader;

/**
 * Chooses the policy the service starts with: the version last activated (from the database), so a restart brings
 * back what was live; on the very first start, the files on disk, which become the first stored version.
 */
@Component
class StartupPolicy implements ActivePolicy.Initial {

    static final String STARTUP = "STARTUP";
    private static final Logger log = LoggerFactory.getLogger(StartupPolicy.class);

    private final PolicyHistory history;
    private final PolicyProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PolicyLoader loader;

    StartupPolicy(PolicyHistory history, PolicyProperties properties, TransactionTemplate transactions, Clock clock) {
        this.history = history;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.loader = properties.loader();
    }

    @Override
    public ActivePolicy.Activation load() {
        Optional<ActivationRecord> last = history.lastActivation();
        if (last.isPresent()) {
            Optional<ActivePolicy.Activation> restored = restore(last.get());
            if (restored.isPresent()) {
                return restored.get();
            }
        }
        return firstStart();
    }

    /**
     * Compiles the stored files of the last active version again. Its warnings are those stored with it: compiling
     * alone does not run the decision-table analysis, and the stored report is what the history shows.
     */
    private Optional<ActivePolicy.Activation> restore(ActivationRecord last) {
        StoredVersion stored = history.find(last.version()).orElseThrow();
        try {
            PolicyBundle bundle = loader.load(new PolicyFiles(stored.files()));
            PolicyFiles onDisk = properties.readFiles();
            if (!onDisk.version().equals(bundle.version())) {
                reportFilesOnDisk(onDisk, bundle.version());
            }
            return Optional.of(new ActivePolicy.Activation(bundle, stored.label(), last.activatedAt(), last.activatedBy(),
                    last.action(), stored.validation() != null ? stored.validation().warnings() : bundle.warnings()));
        } catch (PolicyLoadException e) {
            log.error("The last active policy version {} no longer compiles; starting from the files on disk", last.version(), e);
            return Optional.empty();
        }
    }

    /**
     * Says that the files on disk are not the active version, and what they are good for: activation, or, when they
     * have errors (which the activation gate refuses with 422), fixing first. Their report is the stored one when the
     * version is in the history (files left on disk after activations through the API usually are), otherwise a full
     * validation, the gate's own, which costs a compilation at start-up only when the files differ.
     */
    private void reportFilesOnDisk(PolicyFiles onDisk, String activeVersion) {
        ValidationReport report = history.find(onDisk.version()).map(StoredVersion::validation)
                .orElseGet(() -> loader.validate(onDisk).report());
        if (report.valid()) {
            log.info("The policy files on disk ({}) differ from the active version {}: activate them with "
                    + "POST /api/v1/policies/activate", onDisk.version(), activeVersion);
        } else {
            log.warn("The policy files on disk ({}) differ from the active version {} and have {} error(s), so they cannot be "
                    + "activated; the active version stays. POST /api/v1/policies/validate or `java -jar <jar> policy validate "
                    + "--rules {} --dmn {}` lists them", onDisk.version(), activeVersion, report.errors().size(),
                    properties.rulesDir(), properties.dmnDir());
        }
    }

    /**
     * Loads the files on disk and stores them as the first version, with the report of a full validation (the
     * decision-table analysis included, once per database), so that the version has the same warnings here, in the
     * history and in {@code POST /api/v1/policies/validate}. The files are not gated: an error of the analysis alone
     * is stored in the report but does not stop the start; an error that stops compiling does.
     *
     * @throws PolicyLoadException when the files do not compile
     */
    private ActivePolicy.Activation firstStart() {
        PolicyFiles files = properties.readFiles();
        PolicyLoader.Validated validated = loader.validate(files);
        ValidationReport report = validated.report();
        PolicyBundle bundle = validated.bundle() != null ? validated.bundle() : loader.load(files);
        Instant now = clock.instant();
        String by = ServiceActors.SYSTEM;
        String comment = "Loaded from " + properties.rulesDir() + " and " + properties.dmnDir() + " at start-up";
        transactions.executeWithoutResult(status -> {
            if (!history.exists(files.version())) {
                history.save(new StoredVersion(files.version(), null, by, now, comment, null, files.contents(),
                        ScenarioLoader.read(properties.scenarioDir()), java.util.Map.of(), report, null));
            }
            history.recordActivation(files.version(), STARTUP, now, by, comment);
        });
        return new ActivePolicy.Activation(bundle, null, now, by, STARTUP, report.warnings());
    }
}
