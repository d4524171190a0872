package dev.arbiter.startup;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.api.ErrorCode;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database file is in use by another process (H2 error 90020, "Database may be already in use",
 * caused by "The file is locked"): H2 lets one process at a time open a file, so most likely another instance of the
 * service, or a {@code keys} command, runs on the same data folder.
 */
class H2FileLockedFailureAnalyzer implements FailureAnalyzer {

    /** H2 names the file in quotes: {@code Database may be already in use: "/srv/arbiter/data/arbiter.mv.db". ...} */
    private static final Pattern QUOTED_FILE = Pattern.compile("\"([^\"]+)\"");

    private final Environment environment;

    H2FileLockedFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return Causes.find(failure, SQLException.class, e -> e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1)
                .map(locked -> new FailureAnalysis(description(locked), action(), locked))
                .orElse(null);
    }

    private String description(SQLException locked) {
        Matcher file = QUOTED_FILE.matcher(String.valueOf(locked.getMessage()));
        String database = file.find() ? "The H2 database file " + file.group(1)
                : "The H2 database " + Causes.databaseUrl(environment);
        return database + " is locked: another process has it open, most likely another instance of this service (or a "
                + "`keys` command) running on this data folder. H2 lets one process at a time use a database file.";
    }

    private static String action() {
        return "Stop the other instance (or let the `keys` command finish) and start again, or start this one on another "
                + "database: --spring.datasource.url=jdbc:h2:file:<another folder>/arbiter. Instances that share one "
                + "database need PostgreSQL (--spring.profiles.active=postgres).";
    }
}
