package dev.arbiter.support;

import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.ArbiterApplication;

/** The whole service on a database file of its own, to be started, stopped and started again. */
public final class RestartableService {

    private final String databaseUrl;

    /** @param name part of the database file name, to tell test databases apart */
    public RestartableService(String name) {
        this.databaseUrl = "jdbc:h2:file:./target/test-db/" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Starts the service on a random port; command-line arguments outrank the test configuration. */
    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ArbiterApplication.class)
                .run("--spring.datasource.url=" + databaseUrl, "--server.port=0");
    }

    /** @return a client of the running service */
    public static Api clientOf(ConfigurableApplicationContext service) {
        return new Api(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
