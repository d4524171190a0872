package dev.arbiter.lifecycle;

import static dev.arbiter.lifecycle.PolicyLifecycleApiTest.shipped;
import static dev.arbiter.lifecycle.PolicyLifecycleApiTest.withEdit;
import static dev.arbiter.support.Api.JSON;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.security.Role;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * Issue 4, "Under load": policy versions are hot-swapped while clients keep deciding over HTTP. No request fails,
 * every decision carries a version that was active during the run, and the clients see the swaps happen.
 * Activates versions, so it runs in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=hot-swap")
@DirtiesContext
class HotSwapUnderLoadTest extends HttpServiceTest {

    private static final String POLICIES = "/api/v1/policies";
    private static final String CATALOG = "rules/reason-codes.yaml";
    private static final int CLIENTS = 4;
    private static final int ACTIVATIONS = 6;
    /** Distinct candidates, each passing every scenario: only the owner of one reason code differs. */
    private static final List<String> OWNERS = List.of("Legal team A", "Legal team B", "Legal team C");

    @Test
    void decisionsNeverFailAndAlwaysCarryAnActiveVersionWhileVersionsAreSwapped() throws Exception {
        String start = json(api.get(POLICIES + "/active")).path("version").asString();
        List<Map<String, String>> candidates = OWNERS.stream()
                .map(owner -> withEdit(shipped().contents(), CATALOG, "owner: Legal", "owner: " + owner))
                .toList();
        List<String> requests = List.of(
                JSON.writeValueAsString(automatableChatRequest()),
                JSON.writeValueAsString(without(designExampleRequest(), "requestId")),
                JSON.writeValueAsString(without(automatableChatRequest(), "interaction.intent")));

        Set<String> activeVersions = new LinkedHashSet<>(List.of(start));
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger decisions = new AtomicInteger();
        AtomicBoolean swapping = new AtomicBoolean(true);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Api own = apiAs("test-client", Role.ADMIN);
                running.add(clients.submit(() -> {
                    gate.await();
                    for (int i = client; swapping.get(); i++) {
                        HttpResponse<String> response = own.decide(requests.get(i % requests.size()));
                        decisions.incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                            continue;
                        }
                        String version = json(response).path("policyVersion").asString();
                        seen.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }

            gate.countDown();
            try {
                for (int i = 0; i < ACTIVATIONS; i++) {
                    Map<String, String> files = candidates.get(i % candidates.size());
                    HttpResponse<String> response = client("load-test").post(POLICIES + "/activate",
                            Map.of("files", files, "label", "hot swap " + i));
                    assertThat(response.statusCode()).as("activation %d: %s", i, response.body()).isEqualTo(200);
                    JsonNode result = json(response);
                    assertThat(result.path("changed").asBoolean()).as("activation %d changes the version", i).isTrue();
                    assertThat(result.path("version").asString()).isEqualTo(new PolicyFiles(files).version());
                    activeVersions.add(result.path("version").asString());
                }
            } finally {
                swapping.set(false);
            }
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(failures).as("failed decision requests out of %d", decisions.get()).isEmpty();
        assertThat(activeVersions).hasSize(1 + OWNERS.size());
        assertThat(seen.keySet()).as("versions carried by decisions (%s)", seen).isSubsetOf(activeVersions);
        assertThat(seen.keySet()).as("clients see the swaps (%s)", seen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(json(api.get(POLICIES + "/active")).path("version").asString())
                .isEqualTo(new PolicyFiles(candidates.get((ACTIVATIONS - 1) % candidates.size())).version());
    }
}
