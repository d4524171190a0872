package dev.arbiter.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.arbiter.ArbiterApplication;

/** A second start on a database file that another process has open ends with a short report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class LockedDatabaseStartTest {

    private final String databaseUrl = "jdbc:h2:file:./target/test-db/locked-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void aSecondStartOnADatabaseFileInUseSaysThatAnotherInstanceRunsThere(CapturedOutput output) throws Exception {
        Process otherInstance = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabaseOpen.class.getName(), databaseUrl)
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(otherInstance.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).as("the other process has the database open").isEqualTo(HoldDatabaseOpen.OPEN);

            assertThatThrownBy(() -> new SpringApplicationBuilder(ArbiterApplication.class)
                    .run("--spring.datasource.url=" + databaseUrl, "--server.port=0")).isNotNull();

            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .containsPattern("The H2 database file .*locked-.*\\.mv\\.db is locked")
                    .contains("another instance of this service")
                    .contains("Stop the other instance")
                    .doesNotContain("Application run failed");
        } finally {
            otherInstance.getOutputStream().close();
            assertThat(otherInstance.waitFor(30, TimeUnit.SECONDS)).as("the other process ends").isTrue();
        }
    }
}
