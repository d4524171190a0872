package dev.arbiter.web;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the query parameters of every {@code /api/} endpoint strictly, in one place: before the endpoint runs, a
 * query parameter it does not declare, or a declared one given more than once or empty, is a 400 problem naming it
 * ({@link QueryParameters#strict(Map, Set)}). An endpoint declares its parameters with {@code @RequestParam} (or as
 * unannotated simple values, which Spring binds the same way). An endpoint that takes all of them as one
 * {@code Map} checks them itself and is left alone. Only the query string is read, never a form body. Runs after
 * authentication, so a caller without the role is refused first. Thread-safe.
 */
@Configuration(proxyBeanMethods = false)
class StrictQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** The parameters each endpoint method declares; empty for one that checks its own. */
    private final Map<Method, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** @throws InvalidFieldsException when the query has a parameter the endpoint does not take, or repeats one */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod endpoint) {
            declared.computeIfAbsent(endpoint.getMethod(), method -> declaredBy(endpoint))
                    .ifPresent(known -> QueryParameters.strict(query(request.getQueryString()), known));
        }
        return true;
    }

    /**
     * @return the names of the query parameters {@code endpoint} takes, or empty when it takes them all as a
     *         {@code Map} and so checks them itself
     */
    static Optional<Set<String>> declaredBy(HandlerMethod endpoint) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : endpoint.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            boolean bare = !parameter.hasParameterAnnotations() && BeanUtils.isSimpleProperty(parameter.getParameterType());
            if (annotation == null && !bare) {
                continue;
            }
            String name = annotation == null ? "" : annotation.name().isEmpty() ? annotation.value() : annotation.name();
            if (name.isEmpty() && Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Optional.empty();
            }
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            names.add(name);
        }
        return Optional.of(names);
    }

    /**
     * @param queryString the raw query string, or null
     * @return each parameter name with its values, decoded as a form ({@code +} is a space); a malformed escape is
     *         kept as written
     */
    static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (queryString == null) {
            return parameters;
        }
        for (String pair : queryString.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
