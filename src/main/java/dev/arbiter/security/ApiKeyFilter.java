package dev.arbiter.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.arbiter.web.DatabaseOutage;

/**
 * Authenticates a request by its {@code X-API-Key} header. A request without the header goes on anonymous (and is
 * refused with 401 wherever a role is needed); a header that is not a valid, active key is refused with 401 at once.
 * When the key cannot be checked because the database cannot be reached, the request is refused with 503 and
 * {@code Retry-After} at once (one log line, no stack trace: an outage must not flood the log).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = keys.authenticate(presented);
        } catch (DataAccessException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            log.warn("Cannot check an API key, the database is unavailable: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            problems.databaseUnavailable(request, response);
            return;
        }
        if (caller.isEmpty()) {
            problems.unauthenticated(request, response, "The " + HEADER + " header is not a valid, active API key");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
