package dev.arbiter.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.SuiteReport;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores policy versions and their activations. Versions are written once; activations are appended. */
@Repository
class PolicyHistory {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(String version) {
        return jdbc.sql("SELECT COUNT(*) FROM policy_version WHERE version = ?").param(version).query(Integer.class).single() > 0;
    }

    void save(StoredVersion version) {
        jdbc.sql("""
                INSERT INTO policy_version (version, label, author, created_at, comment, previous_version, files_json,
                    scenario_files_json, diff_json, validation_json, scenarios_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version.version(), version.label(), version.author(), utc(version.createdAt()), version.comment(),
                        version.previousVersion(), json.writeValueAsString(version.files()),
                        json.writeValueAsString(version.scenarioFiles()), json.writeValueAsString(version.diff()),
                        json.writeValueAsString(version.validation()),
                        version.scenarios() == null ? null : json.writeValueAsString(version.scenarios()))
                .update();
    }

    void recordActivation(String version, String action, Instant at, String by, String comment) {
        jdbc.sql("INSERT INTO policy_activation (version, action, activated_at, activated_by, comment) VALUES (?, ?, ?, ?, ?)")
                .params(version, action, utc(at), by, comment)
                .update();
    }

    Optional<StoredVersion> find(String version) {
        return jdbc.sql("""
                SELECT version, label, author, created_at, comment, previous_version, files_json, scenario_files_json,
                    diff_json, validation_json, scenarios_json
                FROM policy_version WHERE version = ?""")
                .param(version)
                .query((rs, row) -> new StoredVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                        json.readValue(rs.getString(7), FILES), readFiles(rs.getString(8)), readFiles(rs.getString(9)),
                        rs.getString(10) == null ? null : json.readValue(rs.getString(10), ValidationReport.class),
                        rs.getString(11) == null ? null : json.readValue(rs.getString(11), SuiteReport.class)))
                .optional();
    }

    private Map<String, String> readFiles(String text) {
        return text == null ? Map.of() : json.readValue(text, FILES);
    }

    Optional<ActivationRecord> lastActivation() {
        return jdbc.sql("""
                SELECT id, version, action, activated_at, activated_by, comment FROM policy_activation
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .query((rs, row) -> new ActivationRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** @return the newest {@code limit} versions, newest first, marking the active one */
    List<VersionSummary> list(int limit, String activeVersion) {
        return jdbc.sql("""
                SELECT v.version, v.label, v.author, v.created_at, v.comment, v.previous_version, v.validation_json,
                    v.scenarios_json, (SELECT MAX(a.activated_at) FROM policy_activation a WHERE a.version = v.version)
                FROM policy_version v ORDER BY v.created_at DESC, v.version FETCH FIRST ? ROWS ONLY""")
                .param(limit)
                .query((rs, row) -> summary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class), activeVersion))
                .list();
    }

    private VersionSummary summary(String version, String label, String author, Instant createdAt, String comment,
                                   String previous, String validationJson, String scenariosJson, OffsetDateTime lastActivated,
                                   String activeVersion) {
        ValidationReport validation = validationJson == null ? null : json.readValue(validationJson, ValidationReport.class);
        SuiteReport scenarios = scenariosJson == null ? null : json.readValue(scenariosJson, SuiteReport.class);
        return new VersionSummary(version, label, author, createdAt, comment, previous, version.equals(activeVersion),
                lastActivated == null ? null : lastActivated.toInstant(),
                scenarios == null ? null : scenarios.passed(), scenarios == null ? null : scenarios.failed(),
                validation == null ? 0 : validation.warnings().size());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
