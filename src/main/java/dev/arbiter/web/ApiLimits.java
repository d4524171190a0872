package dev.arbiter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one API request may contain.
 *
 * @param maxBodyBytes     larger bodies get 413
 * @param maxNestingDepth  deeper JSON gets 400
 * @param maxStringLength  longer JSON strings get 400 (fields have tighter limits of their own)
 */
@ConfigurationProperties("arbiter.api")
public record ApiLimits(Long maxBodyBytes, Integer maxNestingDepth, Integer maxStringLength) {

    public ApiLimits {
        maxBodyBytes = maxBodyBytes == null ? 65_536L : maxBodyBytes;
        maxNestingDepth = maxNestingDepth == null ? 12 : maxNestingDepth;
        maxStringLength = maxStringLength == null ? 8_000 : maxStringLength;
    }
}
