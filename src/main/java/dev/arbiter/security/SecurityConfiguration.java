package dev.arbiter.security;

import static dev.arbiter.security.Role.COMPLIANCE_REVIEWER;
import static dev.arbiter.security.Role.DECISION_CLIENT;
import static dev.arbiter.security.Role.OPERATOR;
import static dev.arbiter.security.Role.POLICY_OWNER;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Which role may call which endpoint, and the filters in front of them: overload shedding, API-key
 * authentication, the per-client quota. Every {@code /api/**} endpoint needs a role ({@link Role#ADMIN} may call all);
 * health probes and the API documentation are public. There is no session and no cookie, so there is nothing for
 * CSRF to ride on: CSRF protection is off on purpose (see docs/security.md).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observations of the security filters, authentications and authorizations: a timer and tags per filter per
     * request cost about a tenth of a decision request's CPU (docs/benchmarks.md) for meters nobody reads. Requests
     * are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemWriter problems, SecurityProperties properties) {
        StatelessChain.of(http, CONTENT_SECURITY_POLICY)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.unauthenticated(request, response,
                                "This endpoint needs an API key in the " + ApiKeyFilter.HEADER + " header"))
                        .accessDeniedHandler((request, response, e) -> problems.forbidden(request, response)))
                .addFilterBefore(new ConcurrencyLimitFilter(properties.maxConcurrentRequests(), properties.maxQueueWait(), problems),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(properties.rateLimit(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions").hasAnyRole(allowed(DECISION_CLIENT))
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/*").hasAnyRole(allowed(DECISION_CLIENT, COMPLIANCE_REVIEWER))
                        .requestMatchers("/api/v1/decisions/*/**").hasAnyRole(allowed(COMPLIANCE_REVIEWER))
                        .requestMatchers(HttpMethod.POST, "/api/v1/traces/purge").hasAnyRole(allowed())
                        .requestMatchers(HttpMethod.GET, "/api/v1/traces", "/api/v1/traces/**").hasAnyRole(allowed(COMPLIANCE_REVIEWER))
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit").hasAnyRole(allowed(COMPLIANCE_REVIEWER))
                        .requestMatchers(HttpMethod.GET, "/api/v1/automation").hasAnyRole(allowed(Role.values()))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/automation").hasAnyRole(allowed(OPERATOR))
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/active").hasAnyRole(allowed(Role.values()))
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/**").hasAnyRole(allowed(POLICY_OWNER, COMPLIANCE_REVIEWER))
                        .requestMatchers(HttpMethod.POST, "/api/v1/policies/**").hasAnyRole(allowed(POLICY_OWNER))
                        .requestMatchers("/api/**").hasAnyRole(allowed())
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasAnyRole(allowed()));
        return http.build();
    }

    /** @return the role names (without prefix) that may call: the given roles and {@link Role#ADMIN} */
    private static String[] allowed(Role... roles) {
        return Stream.concat(Arrays.stream(roles), Stream.of(Role.ADMIN)).distinct().map(Role::name).toArray(String[]::new);
    }
}
