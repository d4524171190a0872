package dev.arbiter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code java -jar arbiter.jar keys ...} needs the database alone: it works without policy files and with broken
 * ones, reports a usage error before opening anything, and prints nothing but its output on stdout.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyCommandTest {

    /** A rule about a fact type that does not exist: the service could not start from these files. */
    private static final String RULE_THAT_DOES_NOT_COMPILE = """
            package arbiter.policy;

            rule "Typo"
            when
                NoSuchFact()
            then
            end
            """;

    @TempDir
    Path folder;

    private final String newDatabase = "--spring.datasource.url=jdbc:h2:file:./target/test-db/keys-command-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void keysAreManagedOnANewDatabaseWhereThereAreNoPolicyFiles(CapturedOutput output) {
        String[] noPolicyFolders = {"--arbiter.policy.rules-dir=" + folder.resolve("rules"),
                "--arbiter.policy.dmn-dir=" + folder.resolve("dmn-models")};

        assertThat(run(withSettings(noPolicyFolders, "create", "night-batch", "OPERATOR"))).as(errors()).isZero();
        String keyId = printed().lines().filter(line -> line.startsWith("key id:")).findFirst().orElseThrow().substring(7).trim();
        assertThat(run(withSettings(noPolicyFolders, "list"))).as(errors()).isZero();
        assertThat(printed()).contains(keyId).contains("night-batch");
        assertThat(run(withSettings(noPolicyFolders, "revoke", keyId))).as(errors()).isZero();

        assertThat(printed()).contains("revoked " + keyId);
        assertThat(output.getOut()).as("stdout carries nothing but the tool's output").isEmpty();
    }

    @Test
    void keysAreManagedOnANewDatabaseWhosePolicyFilesDoNotCompile() throws IOException {
        Files.createDirectories(folder.resolve("rules"));
        Files.createDirectories(folder.resolve("dmn-models"));
        Files.writeString(folder.resolve("rules/typo.drl"), RULE_THAT_DOES_NOT_COMPILE);
        String[] brokenPolicy = {"--arbiter.policy.rules-dir=" + folder.resolve("rules"),
                "--arbiter.policy.dmn-dir=" + folder.resolve("dmn-models")};

        assertThat(run(withSettings(brokenPolicy, "create", "policy-ci", "POLICY_OWNER,COMPLIANCE_REVIEWER"))).as(errors()).isZero();

        assertThat(printed()).contains("key:    ak_");
    }

    @Test
    void aUsageErrorIsReportedBeforeAnyDatabaseIsOpened() {
        String unopened = "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("arbiter");

        assertThat(run("frobnicate", unopened)).isEqualTo(KeyCommand.USAGE_ERROR);
        assertThat(errors()).contains("usage: keys");
        assertThat(run("create", "someone", "ROOT", unopened)).isEqualTo(KeyCommand.USAGE_ERROR);
        assertThat(errors()).contains("Unknown role ROOT");
        assertThat(run("revoke", unopened)).isEqualTo(KeyCommand.USAGE_ERROR);

        assertThat(folder).as("no database file: nothing was started").isEmptyDirectory();
        assertThat(printed()).isEmpty();
    }

    private String[] withSettings(String[] settings, String... command) {
        return Stream.concat(Stream.of(command), Stream.concat(Stream.of(newDatabase), Stream.of(settings))).toArray(String[]::new);
    }

    private int run(String... args) {
        return KeyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
