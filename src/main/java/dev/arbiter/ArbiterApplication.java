package dev.arbiter;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ch.qos.logback.classic.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

import dev.arbiter.decision.DecisionEngine;
import dev.arbiter.lifecycle.PolicyCli;
import dev.arbiter.scoring.Models;
import dev.arbiter.scoring.training.TrainCommand;
import dev.arbiter.security.KeyCommand;

/**
 * Starts the decision service; {@code policy validate|test ...} checks policy files, {@code train ...} trains a
 * model and {@code keys list|create|revoke} manages API keys instead, without starting the service
 * ({@link KeyCommand} opens only the database).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // API keys only: no generated user
@ConfigurationPropertiesScan
public class ArbiterApplication {

    /** System property naming the models folder for the command-line tools (the service reads arbiter.models.dir). */
    private static final String MODELS_DIR = "arbiter.models.dir";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("policy")) {
            quietLibraryLogging();
            System.exit(new PolicyCli(System.out, Models.loadFrom(Path.of(System.getProperty(MODELS_DIR, "models")))).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("train")) {
            System.exit(TrainCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            System.exit(KeyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(ArbiterApplication.class, args);
    }

    /**
     * Command-line tools print their own results; the engines' start-up chatter would bury them. The engines' own
     * errors (with stack traces) are silenced too: every problem they find reaches the tool's report as a
     * {@code SEVERITY file:line message} line; and so is the decision engine's fail-safe log, a stack trace per case:
     * {@code policy test} prints each case's policy failure among its failures instead.
     */
    private static void quietLibraryLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        for (String engine : List.of("org.kie", "org.drools", DecisionEngine.class.getName())) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(engine)).setLevel(Level.OFF);
        }
    }
}
