package dev.arbiter.security;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.arbiter.ServiceConfiguration;
import dev.arbiter.audit.AuditLog;

/**
 * {@code keys list|create|revoke} as the jar runs it ({@code java -jar arbiter.jar keys ...}). The arguments are
 * checked first: a usage error is reported before anything starts. Then it opens the database alone — the data
 * source, Liquibase (a new database gets its schema) and {@link ApiKeys} — never the policy, the models, the warm-up,
 * the trace writer, the scheduled jobs or the web server, so it works wherever the service's database is reachable,
 * whatever state the policy files are in. Logging below ERROR is off and goes to stderr: stdout carries only what
 * {@link KeyCli} prints (a table, a key), for scripts to capture.
 */
public final class KeyCommand {

    /** Exit status when the database could not be opened; Spring Boot has printed why on stderr. */
    static final int DATABASE_UNAVAILABLE = 1;
    static final int USAGE_ERROR = 2;

    /** The command's logging: errors only, on stderr. */
    private static final String LOGGING = "classpath:dev/arbiter/security/keys-logging.xml";

    private KeyCommand() {
    }

    /**
     * What the command starts: deliberately not a {@code @Configuration}, so that the service's component scan never
     * picks it up, and without a component scan of its own, so that nothing else is started.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            LiquibaseAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import({ServiceConfiguration.class, AuditLog.class, ApiKeys.class})
    @EnableConfigurationProperties(SecurityProperties.class)
    static final class Database {
    }

    /**
     * @param args the arguments after {@code keys}: the command, and {@code --name=value} settings that configure the
     *             database as they configure the service ({@code --spring.profiles.active=postgres}, ...)
     * @return the exit status: 0 done, 1 refused by {@link KeyCli} or the database could not be opened, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] settings = Arrays.stream(args).filter(arg -> arg.startsWith("--")).toArray(String[]::new);
        List<String> command = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        Optional<String> mistake = KeyCli.usageError(command);
        if (mistake.isPresent()) {
            err.println(mistake.get());
            return USAGE_ERROR;
        }
        ConfigurableApplicationContext database;
        try {
            database = new SpringApplicationBuilder(Database.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("logging.config=" + LOGGING)
                    .run(settings);
        } catch (RuntimeException e) {
            return DATABASE_UNAVAILABLE; // reported by Spring Boot (a failure analysis, or the exception), on stderr
        }
        try (database) {
            return new KeyCli(database.getBean(ApiKeys.class), out, err).run(command);
        }
    }
}
