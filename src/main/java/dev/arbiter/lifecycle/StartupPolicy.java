package dev.arbiter.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final PolicyLoader loader = new PolicyLoader();

    StartupPolicy(PolicyHistory history, PolicyProperties properties, TransactionTemplate transactions, Clock clock) {
        this.history = history;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
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

    private Optional<ActivePolicy.Activation> restore(ActivationRecord last) {
        StoredVersion stored = history.find(last.version()).orElseThrow();
        try {
            PolicyBundle bundle = loader.load(new PolicyFiles(stored.files()));
            String onDisk = properties.readFiles().version();
            if (!onDisk.equals(bundle.version())) {
                log.info("The policy files on disk ({}) differ from the active version {}: activate them with "
                        + "POST /api/v1/policies/activate", onDisk, bundle.version());
            }
            return Optional.of(new ActivePolicy.Activation(bundle, stored.label(), last.activatedAt(), last.activatedBy(),
                    last.action()));
        } catch (PolicyLoadException e) {
            log.error("The last active policy version {} no longer compiles; starting from the files on disk", last.version(), e);
            return Optional.empty();
        }
    }

    private ActivePolicy.Activation firstStart() {
        PolicyFiles files = properties.readFiles();
        // Compile only: the slower decision-table analysis runs when a version is validated or activated.
        PolicyBundle bundle = loader.load(files);
        ValidationReport report = new ValidationReport(files.version(), true, java.util.List.of(), bundle.warnings());
        Instant now = clock.instant();
        String by = "system";
        String comment = "Loaded from " + properties.rulesDir() + " and " + properties.dmnDir() + " at start-up";
        transactions.executeWithoutResult(status -> {
            if (!history.exists(files.version())) {
                history.save(new StoredVersion(files.version(), null, by, now, comment, null, files.contents(),
                        ScenarioLoader.read(properties.scenarioDir()), java.util.Map.of(), report, null));
            }
            history.recordActivation(files.version(), STARTUP, now, by, comment);
        });
        return new ActivePolicy.Activation(bundle, null, now, by, STARTUP);
    }
}
