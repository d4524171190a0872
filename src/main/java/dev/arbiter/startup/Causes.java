package dev.arbiter.startup;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.core.env.Environment;

/** Helpers shared by the failure analyzers. */
final class Causes {

    private Causes() {
    }

    /** @return the first throwable of {@code failure}'s cause chain (itself included) that is a {@code type} and matches */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type, Predicate<? super T> matches) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (type.isInstance(cause) && matches.test(type.cast(cause))) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** @return the first {@link SQLException} of the chain with this SQL state class prefix (e.g. {@code 28}, {@code 08}) */
    static Optional<SQLException> sqlState(Throwable failure, String prefix) {
        return find(failure, SQLException.class, e -> e.getSQLState() != null && e.getSQLState().startsWith(prefix));
    }

    /** @return the configured JDBC URL without its parameters (which may hold a password), or a placeholder */
    static String databaseUrl(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
