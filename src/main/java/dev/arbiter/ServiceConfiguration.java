package dev.arbiter;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared across features; public for the {@code keys} command line, which starts only a few of them. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

    /**
     * The service's clock, in UTC, ticking in microseconds: the precision both databases keep for a timestamp, so an
     * instant the service answers with (an activation, a pause, a decision) reads the same after it was stored and
     * read back, for example after a restart.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
