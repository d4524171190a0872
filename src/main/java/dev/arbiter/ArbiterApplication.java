package dev.arbiter;

import java.nio.file.Path;
import java.util.Arrays;

import ch.qos.logback.classic.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.arbiter.lifecycle.PolicyCli;
import dev.arbiter.scoring.Models;
import dev.arbiter.scoring.training.TrainCommand;

/**
 * Starts the decision service; {@code policy validate|test ...} checks policy files and {@code train ...} trains a
 * model instead, without starting the service.
 */
@SpringBootApplication
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
        SpringApplication.run(ArbiterApplication.class, args);
    }

    /** Command-line tools print their own results; the engines' start-up chatter would bury them. */
    private static void quietLibraryLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
    }
}
