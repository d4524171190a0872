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
 * log says where, never what; later starts leave keys and file alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class InitialApiKeysTest {

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
