package dev.arbiter.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** What every security chain of the service shares: nothing kept between requests, and the strict headers. */
public final class StatelessChain {

    private StatelessChain() {
    }

    /**
     * Configures {@code http} without session, cookie, CSRF token, login form, basic authentication or saved request
     * (callers authenticate per request, if at all), with no referrer and the given Content-Security-Policy.
     *
     * @return {@code http}, for the chain's own rules
     */
    public static HttpSecurity of(HttpSecurity http, String contentSecurityPolicy) {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }
}
