package dev.arbiter.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code arbiter.security.*}).
 *
 * @param initialKeysFile        where the first start writes one key per role (mode 600), when no key exists yet
 * @param keyCacheTtl            how long a checked key is trusted without reading the database again
 * @param rateLimit              the per-client request quota
 * @param maxConcurrentRequests  API requests in progress at once; more wait up to {@code maxQueueWait}, then get 503
 * @param maxQueueWait           how long a request waits for a free slot before it is shed
 */
@ConfigurationProperties("arbiter.security")
record SecurityProperties(@DefaultValue("data/initial-api-keys.txt") Path initialKeysFile,
                          @DefaultValue("10s") Duration keyCacheTtl,
                          @DefaultValue RateLimit rateLimit,
                          @DefaultValue("64") int maxConcurrentRequests,
                          @DefaultValue("100ms") Duration maxQueueWait) {

    /**
     * A token bucket per client: {@code requestsPerSecond} sustained, bursts of up to {@code burst} requests.
     * {@code requestsPerSecond} 0 turns the limit off.
     */
    record RateLimit(@DefaultValue("500") double requestsPerSecond, @DefaultValue("1000") int burst) {
    }
}
