package dev.arbiter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code keys list|create|revoke} against the service's database, as an operator without an ADMIN key runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KeyCliTest {

    @Autowired
    ApiKeys keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createPrintsAKeyThatAuthenticatesWithTheGivenRoles() {
        int status = run("create", "night-batch", "DECISION_CLIENT,OPERATOR");

        String key = printed().lines().filter(line -> line.startsWith("key:")).findFirst().orElseThrow().substring(4).trim();
        assertThat(status).isZero();
        assertThat(keys.authenticate(key)).hasValueSatisfying(caller -> {
            assertThat(caller.name()).isEqualTo("night-batch");
            assertThat(caller.roles()).containsExactlyInAnyOrder(Role.DECISION_CLIENT, Role.OPERATOR);
        });
    }

    @Test
    void listShowsKeysWithoutSecretsAndRevokeStopsAKey() {
        IssuedKey issued = keys.create("cli-listed", EnumSet.of(Role.COMPLIANCE_REVIEWER), "test");

        assertThat(run("list")).isZero();
        assertThat(printed()).contains(issued.keyId()).contains("cli-listed").doesNotContain(issued.key());
        assertThat(run("revoke", issued.keyId())).isZero();
        assertThat(keys.authenticate(issued.key())).isEmpty();
        assertThat(keys.list()).filteredOn(key -> key.keyId().equals(issued.keyId()))
                .singleElement().satisfies(key -> assertThat(key.revokedBy()).isEqualTo(KeyCli.ACTOR));
    }

    @Test
    void revokeTakesTheKeyIdWrittenWithItsAkPrefix() {
        IssuedKey issued = keys.create("cli-prefixed", EnumSet.of(Role.OPERATOR), "test");

        assertThat(run("revoke", "ak_" + issued.keyId())).as(errors()).isZero();

        assertThat(printed()).contains("revoked " + issued.keyId());
        assertThat(keys.authenticate(issued.key())).isEmpty();
    }

    @Test
    void mistakesExitNonZeroWithAMessage() {
        assertThat(run("create", "someone", "ROOT")).isEqualTo(2);
        assertThat(errors()).contains("Unknown role ROOT");
        assertThat(run("create", "bad name!", "ADMIN")).isEqualTo(1);
        assertThat(errors()).contains("clientName");
        assertThat(run("revoke", "ffffffffffff")).isEqualTo(1);
        IssuedKey pasted = keys.create("cli-pasted", EnumSet.of(Role.OPERATOR), "test");
        assertThat(run("revoke", pasted.key())).isEqualTo(1);
        assertThat(errors()).contains("whole API key").doesNotContain(pasted.key().substring(16));
        assertThat(run("rotate")).isEqualTo(2);
        assertThat(errors()).contains("usage: keys");
    }

    @Test
    void createRefusesANameTheServiceRecordsItsOwnActionsUnder() {
        int keysBefore = keys.list().size();

        for (String reserved : List.of(KeyCli.ACTOR, "retention-schedule", "First-Start", "SYSTEM", "anonymous")) {
            assertThat(run("create", reserved, "ADMIN")).as(reserved).isEqualTo(1);
        }

        assertThat(errors()).contains("clientName is reserved for the service's own entries in the audit log");
        assertThat(printed()).doesNotContain("key:");
        assertThat(keys.list()).hasSize(keysBefore);
    }

    private int run(String... args) {
        return new KeyCli(keys, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
