package dev.arbiter.policy;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the active policy version as the {@code policy} health indicator. */
@Component("policy")
class PolicyHealth implements HealthIndicator {

    private final ActivePolicy policy;

    PolicyHealth(ActivePolicy policy) {
        this.policy = policy;
    }

    @Override
    public Health health() {
        ActivePolicy.Activation activation = policy.activation();
        return Health.up()
                .withDetail("version", activation.bundle().version())
                .withDetail("activatedAt", activation.activatedAt().toString())
                .withDetail("warnings", activation.warnings().size())
                .build();
    }
}
