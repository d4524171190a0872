package dev.arbiter.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-client quota: each client name has a token bucket ({@code arbiter.security.rate-limit.*}); a request
 * that finds it empty is refused with 429 and a {@code Retry-After} in whole seconds. Runs after authentication;
 * anonymous requests are not counted (they are refused anyway).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final SecurityProperties.RateLimit limit;
    private final ProblemWriter problems;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(SecurityProperties.RateLimit limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limit.requestsPerSecond() <= 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            long now = System.nanoTime();
            long wait = buckets.computeIfAbsent(caller.name(),
                    name -> new TokenBucket(limit.requestsPerSecond(), limit.burst(), now)).take(now);
            if (wait > 0) {
                problems.tooManyRequests(request, response, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999)));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
