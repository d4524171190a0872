package dev.arbiter.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Describes the API in the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

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
                .license(new License().name("Proprietary")))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("An API key; its roles decide which endpoints it may call (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
