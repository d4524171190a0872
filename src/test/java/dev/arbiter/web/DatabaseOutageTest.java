package dev.arbiter.web;

import static dev.arbiter.support.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.arbiter.security.Role;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * When the database cannot be reached, API calls that need it are refused with 503 and Retry-After — whether the
 * API key still has to be checked or a controller reads the database — never a 500. Closes the service's connection
 * pool, so it runs in a context of its own that is thrown away after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=outage")
@DirtiesContext
class DatabaseOutageTest extends HttpServiceTest {

    private static final String TRACES = "/api/v1/traces?customerId=c-outage";
    private static final String AUDIT = "/api/v1/audit?size=1";

    @Autowired
    private DataSource dataSource;

    @Test
    void aKeyThatCannotBeCheckedAndAReadThatCannotRunAreRefusedWith503AndRetryAfter() {
        Api knownBeforeTheOutage = apiAs("outage-reviewer", Role.COMPLIANCE_REVIEWER);
        Api checkedDuringTheOutage = apiAs("outage-latecomer", Role.COMPLIANCE_REVIEWER);
        assertThat(knownBeforeTheOutage.get(AUDIT).statusCode()).isEqualTo(200);

        databaseGoesAway();

        assertOutage(checkedDuringTheOutage.get(TRACES));
        assertOutage(knownBeforeTheOutage.get(AUDIT));
    }

    private void databaseGoesAway() {
        ((HikariDataSource) dataSource).close();
    }

    private static void assertOutage(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 503);
        assertThat(problem.path("type").asString()).isEqualTo("https://arbiter.dev/problems/database-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }
}
