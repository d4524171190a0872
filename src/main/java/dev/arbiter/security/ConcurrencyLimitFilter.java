package dev.arbiter.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The global bound on API work in progress: at most {@code arbiter.security.max-concurrent-requests} requests run
 * at once; the next waits up to {@code max-queue-wait} for a slot and is then shed with 503 and
 * {@code Retry-After}, so overload shows up as fast refusals instead of a queue without end.
 */
final class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Semaphore slots;
    private final long waitNanos;
    private final ProblemWriter problems;

    ConcurrencyLimitFilter(int maxConcurrent, Duration maxWait, ProblemWriter problems) {
        this.slots = new Semaphore(maxConcurrent);
        this.waitNanos = maxWait.toNanos();
        this.problems = problems;
    }

    /** Health probes and documentation are never shed: an orchestrator must see an overloaded instance as alive. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            problems.overloaded(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }
}
