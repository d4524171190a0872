package dev.arbiter.security;

import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.support.Api;
import dev.arbiter.support.RestartableService;

/**
 * The first start of a service without keys writes one key per role, once, to a file only its owner can read; the
 * log says where, never what; later starts leave keys and file alone. A key file that exists already (another
 * database's) is never replaced: the new keys go to the first free name next to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class InitialApiKeysTest {

    /** Key files that earlier databases wrote; whether their keys still work, the service cannot tell. */
    private static final String H2_DATABASE_KEYS = "ADMIN=ak_0123456789ab_keyOfTheH2Database\n";
    private static final String POSTGRES_DATABASE_KEYS = "ADMIN=ak_ba9876543210_keyOfAPostgresDatabase\n";

    private final RestartableService service = new RestartableService("initial-keys");

    @TempDir
    Path data;

    @Test
    void theFirstStartWritesOneWorkingKeyPerRoleToAnOwnerOnlyFile(CapturedOutput output) throws IOException {
        Path file = data.resolve("initial-api-keys.txt");
        try (ConfigurableApplicationContext running = service.start(keysFileSetting(file))) {
            Map<Role, String> keys = keysIn(file);

            assertThat(keys).containsOnlyKeys(Role.values());
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getAll()).contains(file.toAbsolutePath().toString());
            assertThat(keys.values()).allSatisfy(key -> assertThat(output.getAll()).doesNotContain(key));
            Api decisionClient = clientOf(running, keys.get(Role.DECISION_CLIENT));
            assertThat(decisionClient.decide(designExampleRequest()).statusCode()).isEqualTo(200);
            assertThat(decisionClient.get("/api/v1/traces").statusCode()).isEqualTo(403);
            assertThat(clientOf(running, keys.get(Role.COMPLIANCE_REVIEWER)).get("/api/v1/traces").statusCode()).isEqualTo(200);
            assertThat(clientOf(running, keys.get(Role.ADMIN)).get("/api/v1/keys").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void laterStartsNeitherCreateKeysNorTouchTheFile() throws IOException {
        Path file = data.resolve("initial-api-keys.txt");
        Map<Role, String> first;
        FileTime written;
        try (ConfigurableApplicationContext running = service.start(keysFileSetting(file))) {
            first = keysIn(file);
            written = Files.getLastModifiedTime(file);
        }

        try (ConfigurableApplicationContext restarted = service.start(keysFileSetting(file))) {
            assertThat(keysIn(file)).isEqualTo(first);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
            assertThat(restarted.getBean(ApiKeys.class).list()).hasSize(Role.values().length);
            assertThat(clientOf(restarted, first.get(Role.DECISION_CLIENT)).decide(designExampleRequest()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aNewDatabaseWritesItsKeysToTheFirstFreeNameAndLeavesExistingKeyFilesAlone(CapturedOutput output) throws IOException {
        Path file = data.resolve("initial-api-keys.txt");
        Path second = data.resolve("initial-api-keys-2.txt");
        Files.writeString(file, H2_DATABASE_KEYS);
        Files.writeString(second, POSTGRES_DATABASE_KEYS);
        Path third = data.resolve("initial-api-keys-3.txt");

        try (ConfigurableApplicationContext running = service.start(keysFileSetting(file))) {
            assertThat(Files.readString(file)).isEqualTo(H2_DATABASE_KEYS);
            assertThat(Files.readString(second)).isEqualTo(POSTGRES_DATABASE_KEYS);
            Map<Role, String> keys = keysIn(third);
            assertThat(keys).containsOnlyKeys(Role.values());
            assertThat(Files.getPosixFilePermissions(third)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getAll()).contains("wrote them to " + third.toAbsolutePath())
                    .contains(file.toAbsolutePath() + " was left alone").contains("may hold the keys of another database");
            assertThat(clientOf(running, keys.get(Role.ADMIN)).get("/api/v1/keys").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void numberedNamesKeepTheExtension() {
        Path file = Path.of("data", "initial-api-keys.txt");

        assertThat(InitialApiKeys.candidate(file, 1)).isEqualTo(file);
        assertThat(InitialApiKeys.candidate(file, 2)).isEqualTo(Path.of("data", "initial-api-keys-2.txt"));
        assertThat(InitialApiKeys.candidate(Path.of("keys"), 3)).isEqualTo(Path.of("keys-3"));
    }

    private static String keysFileSetting(Path file) {
        return "--arbiter.security.initial-keys-file=" + file;
    }

    private static Map<Role, String> keysIn(Path file) throws IOException {
        Map<Role, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("=", 2);
                keys.put(Role.valueOf(parts[0]), parts[1]);
            }
        }
        return keys;
    }

    private static Api clientOf(ConfigurableApplicationContext service, String key) {
        return new Api(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class), key);
    }
}
