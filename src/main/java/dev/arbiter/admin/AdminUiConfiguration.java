package dev.arbiter.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.arbiter.security.StatelessChain;

/**
 * Serves the admin UI: the static files that the build copies from {@code admin-ui/} to {@code static/admin/} on the
 * class path, at {@code /admin/} ({@code /admin} redirects there, {@code /admin/} is its {@code index.html}).
 * <p>
 * The files hold no data, so they open without an API key; every piece of data the UI shows comes from the API,
 * which the UI calls with the key the user pasted, and the API's own security chain decides as before. Answers under
 * {@code /admin} carry a stricter Content-Security-Policy than the API documentation's: scripts, styles and
 * connections from this origin only, no inline script or style, no plugins, no framing. No session, no cookie.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminUiConfiguration implements WebMvcConfigurer {

    /** Where the UI lives. */
    static final String PATH = "/admin";

    /** The policy of every answer under {@link #PATH}: only this origin's own files, nothing inline, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // With a status of its own the redirect's Location stays relative ("/admin/"): right behind a TLS proxy too.
        registry.addRedirectViewController(PATH, PATH + "/").setStatusCode(HttpStatus.FOUND);
        registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
    }

    /**
     * The security chain of the UI's static files, consulted before the API's (which covers every other path): open
     * to anyone, with the strict headers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain adminUi(HttpSecurity http) {
        StatelessChain.of(http.securityMatcher(PATH, PATH + "/**"), CONTENT_SECURITY_POLICY)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
