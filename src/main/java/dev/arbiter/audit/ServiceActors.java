package dev.arbiter.audit;

import java.util.List;
import java.util.Locale;

/**
 * The names the service itself acts under in the audit log and the policy history, where every other actor is the
 * client name of an API key. No key may be issued under one of them (in any case), so that an entry under such a
 * name is always the service's own: a purge audited as {@code retention-schedule} was the schedule's.
 */
public final class ServiceActors {

    /** The scheduled retention purge. */
    public static final String RETENTION_SCHEDULE = "retention-schedule";
    /** The keys created on the first start. */
    public static final String FIRST_START = "first-start";
    /** The {@code keys} command line. */
    public static final String CLI = "cli";
    /** The policy loaded from disk at start-up, in the policy history. */
    public static final String SYSTEM = "system";
    /** A policy activation or rollback without an author (not over the API, where the key names the caller). */
    public static final String ANONYMOUS = "anonymous";

    /** Every name above. */
    public static final List<String> ALL = List.of(RETENTION_SCHEDULE, FIRST_START, CLI, SYSTEM, ANONYMOUS);

    private ServiceActors() {
    }

    /** @return whether {@code name} is one of the service's own actor names, ignoring case */
    public static boolean isReserved(String name) {
        return name != null && ALL.contains(name.toLowerCase(Locale.ROOT));
    }
}
