package dev.arbiter.support;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.ArbiterApplication;
import dev.arbiter.security.ApiKeys;
import dev.arbiter.security.Role;

/** The whole service on a database file of its own, to be started, stopped and started again. */
public final class RestartableService {

    private final String databaseUrl;

    /** @param name part of the database file name, to tell test databases apart */
    public RestartableService(String name) {
        this.databaseUrl = "jdbc:h2:file:./target/test-db/" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Starts the service on a random port; command-line arguments outrank the test configuration.
     *
     * @param settings more {@code --name=value} settings
     */
    public ConfigurableApplicationContext start(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--spring.datasource.url=" + databaseUrl;
        args[1] = "--server.port=0";
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(ArbiterApplication.class).run(args);
    }

    /** @return a client of the running service with a new ADMIN key */
    public static Api clientOf(ConfigurableApplicationContext service) {
        String key = service.getBean(ApiKeys.class).create("restart-test-admin", EnumSet.of(Role.ADMIN), "test").key();
        return new Api(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class), key);
    }
}
