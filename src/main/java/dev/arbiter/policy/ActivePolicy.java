package dev.arbiter.policy;

import java.time.Instant;
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

    /** The active bundle and when it became active. */
    public record Activation(PolicyBundle bundle, Instant activatedAt) {
    }

    private final AtomicReference<Activation> active;

    /** Loads the policy files from disk; fails start-up with every problem found when they do not compile. */
    public ActivePolicy(PolicyProperties properties) {
        PolicyBundle bundle = new PolicyLoader().load(properties.readFiles());
        bundle.warnings().forEach(warning -> log.warn("Policy {}", warning));
        log.info("Policy {} loaded from {} and {}", bundle.version(), properties.rulesDir().toAbsolutePath(),
                properties.dmnDir().toAbsolutePath());
        this.active = new AtomicReference<>(new Activation(bundle, Instant.now()));
    }

    /** @return the bundle deciding now; never null */
    public PolicyBundle current() {
        return active.get().bundle();
    }

    public Activation activation() {
        return active.get();
    }

    /** Makes {@code bundle} the one deciding from now on. */
    public void activate(PolicyBundle bundle) {
        active.set(new Activation(bundle, Instant.now()));
        log.info("Policy {} activated", bundle.version());
    }
}
