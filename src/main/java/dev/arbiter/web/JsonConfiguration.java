package dev.arbiter.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.arbiter.decision.StrictJson;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;

/**
 * Strict JSON: unknown fields, duplicate keys, numbers for enums, strings for numbers, numbers or booleans for
 * strings and trailing content are client errors; nesting depth and string length are bounded.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * Jackson's own default. A number this long reaches its field, which names it exactly (out of range, not a whole
     * number); a longer one is refused while the enclosing object reads it, so only that object can be named.
     */
    private static final int MAX_NUMBER_LENGTH = 1_000;

    @Bean
    JsonFactoryBuilderCustomizer boundedJson(ApiLimits limits) {
        return factory -> factory
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::apply;
    }
}
