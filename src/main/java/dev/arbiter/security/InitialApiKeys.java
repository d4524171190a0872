package dev.arbiter.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        this.file = properties.initialKeysFile();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!keys.noneIssued()) {
            return;
        }
        StringBuilder lines = new StringBuilder("# API keys created on the first start; each is shown only here. Keep this file\n"
                + "# secret, hand each key to its owner, then delete the file. Format: ROLE=key\n");
        for (Role role : Role.values()) {
            IssuedKey key = keys.create("initial-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), EnumSet.of(role), CREATED_BY);
            lines.append(role.name()).append('=').append(key.key()).append('\n');
        }
        write(lines.toString());
        log.warn("No API key existed: created one key per role and wrote them to {} (mode 600). Hand them out and delete the file.",
                file.toAbsolutePath());
    }

    private void write(String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".initial-api-keys", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                log.warn("{} is left from an earlier database and its keys no longer work: replacing it", file.toAbsolutePath());
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Cannot write the initial API keys to " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial API keys to " + file.toAbsolutePath(), e);
        }
    }
}
