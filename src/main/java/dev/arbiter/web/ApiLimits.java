package dev.arbiter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one API request may contain.
 *
 * @param maxBodyBytes       larger bodies get 413
 * @param maxPolicyBodyBytes the same for the policy management API, whose bodies may carry whole bundles
 * @param maxNestingDepth  deeper JSON gets 400
 * @param maxStringLength  longer JSON strings get 400 (fields have tighter limits of their own)
 */
@ConfigurationProperties("arbiter.api")
public record ApiLimits(Long maxBodyBytes, Long maxPolicyBodyBytes, Integer maxNestingDepth, Integer maxStringLength) {

    public ApiLimits {
        maxBodyBytes = maxBodyBytes == null ? 65_536L : maxBodyBytes;
        maxPolicyBodyBytes = maxPolicyBodyBytes == null ? 4_194_304L : maxPolicyBodyBytes;
        maxNestingDepth = maxNestingDepth == null ? 12 : maxNestingDepth;
        maxStringLength = maxStringLength == null ? 1_048_576 : maxStringLength;
    }
}
