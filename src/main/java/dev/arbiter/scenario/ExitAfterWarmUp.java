package dev.arbiter.scenario;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code arbiter.api.exit-after-warm-up=true}, stops the service (exit status 0) once it has started and warmed
 * up, instead of serving: the recording run of {@code scripts/run.sh}, whose JVM then writes a start-up cache of
 * every class the start and the warm-up loaded (and, on JDK 25, their method profiles). Runs after every other
 * runner.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnBooleanProperty("arbiter.api.exit-after-warm-up")
class ExitAfterWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExitAfterWarmUp.class);

    private final ConfigurableApplicationContext context;

    ExitAfterWarmUp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Started and warmed up; exiting as arbiter.api.exit-after-warm-up asks");
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
