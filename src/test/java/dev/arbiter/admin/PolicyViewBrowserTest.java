package dev.arbiter.admin;

import static dev.arbiter.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * A policy owner in the admin UI's Policy view sees what the API says: the active version, the scenario results with
 * coverage, the validation verdict; activating the unchanged files on disk changes nothing and says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyViewBrowserTest extends BrowserTest {

    private static final String POLICIES = "/api/v1/policies";

    @Test
    void aPolicyOwnerSeesTheActiveVersionTheApiReports() {
        JsonNode active = json(api.get(POLICIES + "/active"));

        openPolicyViewAsOwner();

        assertThat(field("#policy-active", "version")).isEqualTo(active.path("version").asString());
        assertThat(field("#policy-active", "activatedBy")).isEqualTo(active.path("activatedBy").asString());
        assertThat(field("#policy-active", "activatedAt")).isEqualTo(active.path("activatedAt").asString());
        assertThat(field("#policy-active", "warnings")).isEqualTo(active.path("warnings").asString());
        assertThat(browser.text(By.cssSelector("#history-table tbody"))).contains("active");
    }

    @Test
    void runningTheScenariosShowsEveryShippedCasePassedWithCoverage() {
        JsonNode expected = json(api.post(POLICIES + "/test", null)).path("scenarios");
        int total = expected.path("total").asInt();
        JsonNode coverage = expected.path("coverage");

        openPolicyViewAsOwner();
        browser.click(By.cssSelector("#test-form button[type=submit]"));

        browser.showing(By.cssSelector("#test-result [data-field=summary]"), total + " of " + total + " passed, 0 failed");
        assertThat(browser.text(By.cssSelector("#test-result [data-field=coverage]"))).isEqualTo(
                "Table rows covered: " + coverage.path("rowsCovered").asInt() + " of " + coverage.path("rows").asInt()
                        + " · Rules covered: " + coverage.path("rulesCovered").asInt() + " of " + coverage.path("rules").asInt());
        browser.click(By.cssSelector("#test-result details.all-cases > summary"));
        List<String> results = browser.all(By.cssSelector("#test-result details.all-cases [data-field=result]")).stream()
                .map(WebElement::getText).toList();
        assertThat(results).hasSize(total).containsOnly("passed");
    }

    @Test
    void validatingTheShippedFilesShowsValid() {
        JsonNode active = json(api.get(POLICIES + "/active")); // the shipped files, loaded at start

        openPolicyViewAsOwner();
        browser.click(By.id("validate"));

        browser.showing(By.cssSelector("#validate-result [data-field=verdict]"), "Valid");
        assertThat(browser.text(By.cssSelector("#validate-result [data-field=counts]"))).isEqualTo("Version "
                + active.path("version").asString().substring(0, 12) + ": 0 error(s), " + active.path("warnings").asInt() + " warning(s)");
    }

    @Test
    void activatingTheUnchangedFilesOnDiskSaysNothingChanged() {
        openPolicyViewAsOwner();
        browser.type(By.id("activate-label"), "unchanged");
        browser.click(By.cssSelector("#activate-form button[type=submit]"));
        browser.until(ExpectedConditions.alertIsPresent()).accept();

        assertThat(browser.text(By.cssSelector("#activate-result [data-field=verdict]")))
                .startsWith("Version ").endsWith(" is already active: nothing changed.");
    }

    private void openPolicyViewAsOwner() {
        signInAs("ui-policy-owner", Role.POLICY_OWNER);
        browser.view("policy");
        browser.visible(By.cssSelector("#policy-active [data-field=version]"));
    }

    private static String field(String container, String name) {
        return browser.text(By.cssSelector(container + " [data-field=" + name + "]"));
    }
}
