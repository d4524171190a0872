package dev.arbiter.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON (and text and CSV where an endpoint says so), never YAML: the YAML library is on the class path
 * for the policy files only. Without this, Spring MVC would also answer {@code Accept: application/yaml}, with
 * bodies no document describes and, for some types, a 500 instead of the 406 any other format gets.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyConverters::writesYaml));
    }

    /** @return whether the converter names YAML among its types (not merely any type, as the string converter does) */
    private static boolean writesYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardSubtype() && type.getSubtype().endsWith("yaml"));
    }
}
