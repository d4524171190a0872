package dev.arbiter.admin;

import static dev.arbiter.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.Role;

/** An operator in the admin UI's Automation view pauses one channel, sees the pause listed, and resumes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AutomationViewBrowserTest extends BrowserTest {

    private static final By EMAIL_PAUSE = By.cssSelector("#pauses [data-scope=EMAIL]");

    @AfterEach
    void resumeEmail() {
        api.automation("{\"paused\": false, \"channel\": \"EMAIL\"}");
    }

    @Test
    void anOperatorPausesTheEmailChannelSeesItListedThenResumesIt() {
        signInAs("ui-operator", Role.OPERATOR);
        browser.view("automation");
        browser.visible(By.cssSelector("#automation-state > *:not(.busy)"));

        new Select(browser.visible(By.id("automation-channel"))).selectByValue("EMAIL");
        browser.type(By.id("automation-reason"), "Mail answers under review (INC-7)");
        browser.click(By.id("automation-pause"));

        String row = browser.visible(EMAIL_PAUSE).findElement(By.xpath("ancestor::tr")).getText();
        assertThat(row).contains("ui-operator").contains("Mail answers under review (INC-7)");
        assertThat(json(api.get("/api/v1/automation")).path("channels").has("EMAIL")).isTrue();

        browser.click(By.id("automation-resume"));

        browser.until(ExpectedConditions.invisibilityOfElementLocated(EMAIL_PAUSE));
        assertThat(browser.text(By.id("automation-result"))).isEqualTo("Resumed EMAIL.");
        assertThat(json(api.get("/api/v1/automation")).path("channels").has("EMAIL")).isFalse();
    }
}
