package dev.arbiter.security;

import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests are measured as a whole; the security filters, authentications and authorizations are not observed one by
 * one (a timer per filter per request cost about a tenth of a decision's CPU).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityObservationsTest extends HttpServiceTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aDecisionRequestIsMeasuredButNotEachSecurityFilter() {
        api.decided(automatableChatRequest());

        List<String> names = meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).toList();
        assertThat(names).anyMatch(name -> name.startsWith("http.server.requests"));
        assertThat(names).noneMatch(name -> name.startsWith("spring.security"));
    }
}
