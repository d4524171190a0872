package dev.arbiter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import dev.arbiter.security.Role;
import dev.arbiter.support.HttpServiceTest;

/**
 * Base of the admin UI's browser tests: one headless Chromium per test class against the running service (subclasses
 * carry {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}). The class is skipped, before the service starts, when
 * the browser is not installed. After each test the page must not have reported a script error or a
 * Content-Security-Policy violation.
 */
abstract class BrowserTest extends HttpServiceTest {

    /** The browser of the test class running now. */
    protected static Browser browser;

    @BeforeAll
    static void startTheBrowser(TestInfo testClass) {
        Browser.assumeInstalled(testClass.getTestClass().orElseThrow());
        browser = Browser.start();
    }

    @AfterAll
    static void quitTheBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void thePageReportedNoScriptErrorOrPolicyViolation() {
        assertThat(browser.scriptProblems()).isEmpty();
    }

    /** @return a new API key bound to {@code clientName} with exactly {@code role} */
    protected String keyFor(String clientName, Role role) {
        return keys.create(clientName, EnumSet.of(role), "test").key();
    }

    /** Signs the browser in with a new key of {@code role}. */
    protected void signInAs(String clientName, Role role) {
        browser.signIn(port, keyFor(clientName, role));
    }
}
