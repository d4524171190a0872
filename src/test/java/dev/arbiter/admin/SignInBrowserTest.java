package dev.arbiter.admin;

import static dev.arbiter.support.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.IssuedKey;
import dev.arbiter.security.Role;

/**
 * Signing in to the admin UI with an API key: a key the service refuses is answered with the API's own message, a
 * key is kept for the browser tab only, and a view the key's roles may not use says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTest extends BrowserTest {

    private static final By SIGN_IN_PROBLEM = By.cssSelector("#sign-in-result .problem");

    @Test
    void aWrongKeyShowsTheApisErrorMessage() {
        String wrongKey = "ak_0123456789ab_" + "x".repeat(43);
        String apiDetail = apiDetailFor(wrongKey);

        browser.signedOut(port);
        browser.type(By.id("api-key"), wrongKey);
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));

        assertThat(browser.text(SIGN_IN_PROBLEM)).startsWith("The API key was not accepted").contains(apiDetail);
        assertThat(browser.driver().findElement(By.id("views")).isDisplayed()).isFalse();
        assertThat(storedKey()).isNull();
    }

    @Test
    void aKeyRevokedWhileSignedInIsRefusedWithTheApisMessageOnTheNextVisit() {
        IssuedKey issued = keys.create("ui-revoked-owner", EnumSet.of(Role.POLICY_OWNER), "test");
        browser.signIn(port, issued.key());

        keys.revoke(issued.keyId(), "test");
        browser.open(port, "/admin/");

        assertThat(browser.text(SIGN_IN_PROBLEM)).startsWith("The API key was not accepted").contains(apiDetailFor(issued.key()));
        assertThat(storedKey()).isNull();
    }

    @Test
    void theKeyIsKeptForTheTabOnlyUntilSignOut() {
        String key = keyFor("ui-session-reviewer", Role.COMPLIANCE_REVIEWER);
        browser.signIn(port, key);
        assertThat(storedKey()).isEqualTo(key);
        assertThat(browser.driver().manage().getCookies()).isEmpty();

        browser.open(port, "/admin/");
        browser.visible(By.id("view-home"));
        assertThat(browser.text(By.id("session-info"))).startsWith("Signed in");

        browser.click(By.id("sign-out"));
        browser.visible(By.id("api-key"));
        assertThat(storedKey()).isNull();
    }

    @Test
    void aViewTheKeysRolesMayNotUseShowsTheApisRefusal() {
        signInAs("ui-operator-looking-at-traces", Role.OPERATOR);

        browser.view("traces");

        assertThat(browser.text(By.cssSelector("#trace-results .problem")))
                .startsWith("This key may not do this")
                .contains("The API key's roles do not allow GET /api/v1/traces");
    }

    /** @return the detail of the API's 401 problem for {@code key} */
    private String apiDetailFor(String key) {
        return assertProblem(api.withKey(key).get("/api/v1/policies/active"), 401).path("detail").asString();
    }

    private String storedKey() {
        return (String) browser.script("return sessionStorage.getItem('arbiter.apiKey')");
    }
}
