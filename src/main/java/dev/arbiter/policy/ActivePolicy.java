package dev.arbiter.policy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The policy bundle currently deciding. Readers take one {@link #current()} snapshot per decision, so a decision
 * never mixes two versions; {@link #activate} swaps the whole bundle atomically. Thread-safe.
 */
@Component
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    /**
     * The active bundle and how it became active.
     *
     * @param label       the human label of the version, or null
     * @param activatedBy who activated it
     * @param action      ACTIVATE, ROLLBACK or STARTUP
     * @param warnings    the warnings of the version's full validation (with the decision-table analysis), the same
     *                    that {@code POST /api/v1/policies/validate} and the history report for it; not
     *                    {@link PolicyBundle#warnings()}, which holds only what compiling found
     */
    public record Activation(PolicyBundle bundle, String label, Instant activatedAt, String activatedBy, String action,
                             List<PolicyProblem> warnings) {

        public Activation {
            warnings = List.copyOf(warnings);
        }
    }

    /** Supplies the bundle the service starts with (the last one activated, or the files on disk). */
    public interface Initial {
        Activation load();
    }

    private final AtomicReference<Activation> active;

    public ActivePolicy(Initial initial) {
        Activation first = initial.load();
        if (!first.warnings().isEmpty()) {
            log.warn("Policy {} has {} warning(s); POST /api/v1/policies/validate lists them", first.bundle().version(),
                    first.warnings().size());
        }
        log.info("Policy {} active ({} by {} at {})", first.bundle().version(), first.action(), first.activatedBy(),
                first.activatedAt());
        this.active = new AtomicReference<>(first);
    }

    /** @return the bundle deciding now; never null */
    public PolicyBundle current() {
        return active.get().bundle();
    }

    /** @return the bundle deciding now with how it became active; never null */
    public Activation activation() {
        return active.get();
    }

    /** Makes the activation's bundle the one deciding from now on; decisions already running finish with theirs. */
    public void activate(Activation activation) {
        active.set(activation);
        log.info("Policy {} activated ({} by {})", activation.bundle().version(), activation.action(), activation.activatedBy());
    }
}
