package dev.arbiter.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** Describes the API in the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI arbiterApi() {
        return new OpenAPI().info(new Info()
                .title("Arbiter decision API")
                .version("v1")
                .description("""
                        Per customer interaction: automate, human review, route to an agent or escalate; which queue, \
                        skill and priority; which proposed actions are suppressed; and why, as reason codes with \
                        plain-language messages that point at the policy line, the score and the threshold. \
                        Errors are application/problem+json (RFC 9457) naming the offending field.""")
                .license(new License().name("Proprietary")));
    }
}
