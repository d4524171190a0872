package dev.arbiter.security;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.arbiter.audit.ServiceActors;

/**
 * {@code keys list|create|revoke}: key administration from the command line, against the service's database, for
 * the operator who has no ADMIN key yet (or lost it). Actions are recorded in the audit log with actor {@code cli}.
 * Exit status 0 on success, 1 for a refused action (an unknown or malformed key id; a client name that is invalid or
 * one the service acts under itself, see {@link ApiKeys#create}), 2 for a usage error.
 */
public final class KeyCli {

    static final String ACTOR = ServiceActors.CLI;
    private static final String USAGE = """
            usage: keys list
                   keys create <client-name> <ROLE>[,<ROLE>...]   roles: DECISION_CLIENT, POLICY_OWNER, COMPLIANCE_REVIEWER, OPERATOR, ADMIN
                   keys revoke <key-id>""";

    private final ApiKeys keys;
    private final PrintStream out;
    private final PrintStream err;

    public KeyCli(ApiKeys keys, PrintStream out, PrintStream err) {
        this.keys = keys;
        this.out = out;
        this.err = err;
    }

    /** @return the exit status */
    public int run(List<String> args) {
        Optional<String> mistake = usageError(args);
        if (mistake.isPresent()) {
            err.println(mistake.get());
            return 2;
        }
        return switch (args.get(0)) {
            case "list" -> args.size() == 1 ? list() : usage();
            case "create" -> args.size() == 3 ? create(args.get(1), args.get(2)) : usage();
            case "revoke" -> args.size() == 2 ? revoke(args.get(1)) : usage();
            default -> usage();
        };
    }

    /**
     * Checks the arguments alone, without the database, so that {@code keys} can report a mistake before it opens
     * anything.
     *
     * @return the message of the usage error (exit status 2), or empty when {@code args} make a command
     */
    static Optional<String> usageError(List<String> args) {
        boolean complete = !args.isEmpty() && switch (args.get(0)) {
            case "list" -> args.size() == 1;
            case "create" -> args.size() == 3;
            case "revoke" -> args.size() == 2;
            default -> false;
        };
        if (!complete) {
            return Optional.of(USAGE);
        }
        if (args.get(0).equals("create")) {
            for (String name : args.get(2).split(",")) {
                if (Arrays.stream(Role.values()).noneMatch(role -> role.name().equals(name.trim()))) {
                    return Optional.of("Unknown role " + name.trim() + "; roles are " + Arrays.toString(Role.values()));
                }
            }
        }
        return Optional.empty();
    }

    private int list() {
        out.printf("%-12s  %-8s  %-30s  %-40s  %s%n", "KEY ID", "STATUS", "CLIENT", "ROLES", "CREATED");
        for (ApiKeyView key : keys.list()) {
            out.printf("%-12s  %-8s  %-30s  %-40s  %s by %s%n", key.keyId(), key.active() ? "active" : "revoked",
                    key.clientName(), key.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")),
                    key.createdAt(), key.createdBy());
        }
        return 0;
    }

    private int create(String clientName, String roleList) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleList.split(",")) {
            try {
                roles.add(Role.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                err.println("Unknown role " + name.trim() + "; roles are " + Arrays.toString(Role.values()));
                return 2;
            }
        }
        try {
            IssuedKey key = keys.create(clientName, roles, ACTOR);
            out.println("key id: " + key.keyId());
            out.println("key:    " + key.key());
            out.println("This is the only time the key is shown; the service keeps only its hash.");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int revoke(String keyId) {
        try {
            ApiKeyView key = keys.revoke(keyId, ACTOR);
            out.println("revoked " + key.keyId() + " (" + key.clientName() + ") at " + key.revokedAt());
            return 0;
        } catch (UnknownApiKeyException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InvalidKeyIdException e) {
            err.println("keys revoke: the argument " + e.getMessage());
            return 1;
        }
    }

    private int usage() {
        err.println(USAGE);
        return 2;
    }
}
