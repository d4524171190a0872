package dev.arbiter.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.arbiter.audit.ServiceActors;

/**
 * On the first start (no key was ever issued) creates one key per role and writes them, once, to
 * {@code arbiter.security.initial-keys-file} as {@code ROLE=key} lines, readable by the owner alone (mode 600). The log
 * says where the file is, never what is in it. Later starts leave keys and file alone.
 *
 * <p>An existing key file is never overwritten, moved or deleted: it may hold the working keys of another database
 * (an H2 file next to a PostgreSQL database, say), and it may be their only copy. A new database's keys then go to
 * the first free name next to it ({@code initial-api-keys-2.txt}, {@code -3}, ...), and the log says so.
 */
@Component
@ConditionalOnWebApplication
@Order(0)
class InitialApiKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialApiKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final String CREATED_BY = ServiceActors.FIRST_START;

    private final ApiKeys keys;
    private final Path file;

    InitialApiKeys(ApiKeys keys, SecurityProperties properties) {
        this.keys = keys;
        this.file = properties.initialKeysFile().toAbsolutePath();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!keys.noneIssued()) {
            return;
        }
        // The file is claimed before any key exists: when it cannot be written, no key is created either, and the
        // next start tries again instead of leaving keys that nobody was shown.
        Claimed claimed = claimFreeName();
        try (SeekableByteChannel channel = claimed.channel()) {
            StringBuilder lines = new StringBuilder("# API keys created on the first start; each is shown only here. Keep this file\n"
                    + "# secret, hand each key to its owner, then delete the file. Format: ROLE=key\n");
            for (Role role : Role.values()) {
                IssuedKey key = keys.create("initial-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), EnumSet.of(role), CREATED_BY);
                lines.append(role.name()).append('=').append(key.key()).append('\n');
            }
            ByteBuffer content = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (content.hasRemaining()) {
                channel.write(content);
            }
        } catch (IOException e) {
            deleteUnwritten(claimed.path());
            throw new UncheckedIOException("Cannot write the initial API keys to " + claimed.path(), e);
        } catch (RuntimeException e) {
            deleteUnwritten(claimed.path());
            throw e;
        }
        if (claimed.path().equals(file)) {
            log.warn("No API key existed: created one key per role and wrote them to {} (mode 600). Hand them out and delete the file.",
                    claimed.path());
        } else {
            log.warn("No API key existed in this database: created one key per role and wrote them to {} (mode 600). {} was left "
                    + "alone: it already existed and may hold the keys of another database. Hand the new keys out and delete the file.",
                    claimed.path(), file);
        }
    }

    /** A key file this start created, empty and open for writing. */
    private record Claimed(Path path, SeekableByteChannel channel) {
    }

    /**
     * Creates the configured file or, when it exists, the first of {@code name-2.ext}, {@code name-3.ext}, ... that
     * does not; creating it is atomic and fails on an existing file, so no file is ever replaced, even by a race.
     */
    private Claimed claimFreeName() {
        try {
            Files.createDirectories(file.getParent());
            for (int number = 1; ; number++) {
                Path candidate = candidate(file, number);
                try {
                    return new Claimed(candidate, Files.newByteChannel(candidate,
                            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY)));
                } catch (FileAlreadyExistsException e) {
                    // taken (by an earlier database, or just now): the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial API keys to " + file, e);
        }
    }

    /** @return {@code file} for 1, else the file with {@code -number} before its extension */
    static Path candidate(Path file, int number) {
        if (number == 1) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + number + name.substring(dot) : name + "-" + number;
        return file.resolveSibling(numbered);
    }

    /** Removes the file this start created when no key could be written to it; never any other file. */
    private static void deleteUnwritten(Path created) {
        try {
            Files.deleteIfExists(created);
        } catch (IOException e) {
            log.warn("Could not remove {}, which this start created but could not fill: delete it", created);
        }
    }
}
