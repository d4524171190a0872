package dev.arbiter.admin;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A compliance reviewer in the admin UI's Traces view finds a decision by its customer, opens it and sees what the
 * API stored about it; customer text is shown as text, never run as markup; the chain verifies; the search exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracesViewBrowserTest extends BrowserTest {

    private static final String HOSTILE_TEXT = "<img src=x onerror=alert(1)>";

    @Test
    void aReviewerFindsADecisionByCustomerIdAndSeesItsReasonsAndExplanation() {
        String customerId = uniqueCustomerId();
        JsonNode decision = decided(without(with(designExampleRequest(), "customer.id", customerId), "requestId"));
        String decisionId = decision.path("decisionId").asString();
        JsonNode explanation = json(api.get("/api/v1/decisions/" + decisionId + "/explanation"));

        openDecisionAsReviewer(customerId, decisionId);

        assertThat(decision.path("reasons").size()).isPositive();
        for (JsonNode reason : decision.path("reasons")) {
            By shown = By.cssSelector(decisionPanel(decisionId) + " .reasons li[data-code='" + reason.path("code").asString() + "']");
            assertThat(browser.text(shown)).startsWith(reason.path("code").asString())
                    .contains(reason.path("message").asString())
                    .contains(reason.path("source").asString());
        }
        assertThat(browser.text(By.cssSelector(decisionPanel(decisionId) + " [data-field=outcome]")))
                .isEqualTo(decision.path("outcome").asString());
        assertThat(browser.text(By.cssSelector("#explanation [data-field=decided]")))
                .isEqualTo(explanation.path("sections").path("decided").asString());
    }

    @Test
    void customerTextThatLooksLikeMarkupIsShownLiterally() {
        String customerId = uniqueCustomerId();
        String message = "Where is my parcel? " + HOSTILE_TEXT;
        String decisionId = decided(with(with(automatableChatRequest(), "customer.id", customerId), "interaction.message", message))
                .path("decisionId").asString();

        openDecisionAsReviewer(customerId, decisionId);

        assertThat(browser.text(By.cssSelector(decisionPanel(decisionId) + " .messages .customer-text"))).isEqualTo(message);
        browser.click(By.cssSelector(decisionPanel(decisionId) + " details.trace > summary"));
        assertThat(browser.text(By.id("trace-json"))).contains(HOSTILE_TEXT);
        assertThat(browser.all(By.tagName("img"))).as("elements made from the customer's text").isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void replayingAnOpenedDecisionShowsItIsIdentical() {
        String customerId = uniqueCustomerId();
        String decisionId = decided(with(automatableChatRequest(), "customer.id", customerId)).path("decisionId").asString();

        openDecisionAsReviewer(customerId, decisionId);
        browser.click(By.cssSelector(decisionPanel(decisionId) + " form button[type=submit]"));

        browser.showing(By.cssSelector("#replay-result [data-field=replay-result]"), "Identical: the replay gave the recorded answer");
    }

    @Test
    void theNextPageContinuesTheSearchWhereThePageEnded() {
        String customerId = uniqueCustomerId();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.add(0, decided(with(automatableChatRequest(), "customer.id", customerId)).path("decisionId").asString());
        }

        signInAs("ui-reviewer", Role.COMPLIANCE_REVIEWER);
        browser.view("traces");
        browser.type(By.cssSelector("#trace-search [name=customerId]"), customerId);
        browser.type(By.cssSelector("#trace-search [name=size]"), "2");
        browser.click(By.cssSelector("#trace-search button[type=submit]"));
        browser.showing(By.cssSelector("#trace-results [data-field=count]"), "Page 1: 2 decision(s), newest first");
        List<String> firstPage = shownDecisions();
        browser.click(By.id("trace-next"));
        browser.showing(By.cssSelector("#trace-results [data-field=count]"), "Page 2: 1 decision(s), newest first");

        assertThat(firstPage).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(shownDecisions()).containsExactly(newestFirst.get(2));
        assertThat(browser.all(By.id("trace-next"))).isEmpty();
    }

    @Test
    void verifyingTheChainShowsOk() {
        decided(with(automatableChatRequest(), "customer.id", uniqueCustomerId()));
        JsonNode report = json(api.get("/api/v1/traces/verify"));
        assertThat(report.path("status").asString()).isEqualTo("OK");

        signInAs("ui-reviewer", Role.COMPLIANCE_REVIEWER);
        browser.view("traces");
        browser.click(By.id("trace-verify"));

        browser.showing(By.cssSelector("#trace-verify-result [data-field=chain-status]"), "Chain OK");
        assertThat(Long.parseLong(browser.text(By.cssSelector("#trace-verify-result [data-field=checked]"))))
                .isGreaterThanOrEqualTo(report.path("checked").asLong());
    }

    @Test
    void exportingDownloadsTheSearchAsCsv() throws IOException {
        String customerId = uniqueCustomerId();
        String decisionId = decided(with(automatableChatRequest(), "customer.id", customerId)).path("decisionId").asString();

        signInAs("ui-reviewer", Role.COMPLIANCE_REVIEWER);
        browser.view("traces");
        browser.type(By.cssSelector("#trace-search [name=customerId]"), customerId);
        browser.click(By.id("trace-export"));

        String csv = Files.readString(browser.downloaded("decision-traces.csv"));
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("decisionId,").contains(decisionId + ",").contains(customerId);
    }

    private List<String> shownDecisions() {
        return browser.all(By.cssSelector("#trace-table button[data-decision]")).stream()
                .map(button -> button.getDomAttribute("data-decision")).toList();
    }

    /** Signs in as a reviewer, searches the customer's decisions and opens the decision. */
    private void openDecisionAsReviewer(String customerId, String decisionId) {
        signInAs("ui-reviewer", Role.COMPLIANCE_REVIEWER);
        browser.view("traces");
        browser.type(By.cssSelector("#trace-search [name=customerId]"), customerId);
        browser.click(By.cssSelector("#trace-search button[type=submit]"));
        browser.click(By.cssSelector("#trace-table button[data-decision='" + decisionId + "']"));
        browser.visible(By.cssSelector(decisionPanel(decisionId) + " .reasons"));
    }

    /** Asks for a decision as an application would and returns the answer. */
    private JsonNode decided(ObjectNode request) {
        return apiAs("ui-test-application", Role.DECISION_CLIENT).decided(request);
    }

    private static String decisionPanel(String decisionId) {
        return "#decision article[data-decision='" + decisionId + "']";
    }

    private static String uniqueCustomerId() {
        return "c-ui-" + UUID.randomUUID();
    }
}
