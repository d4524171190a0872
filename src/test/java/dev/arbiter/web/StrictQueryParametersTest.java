package dev.arbiter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** The one strict reading of query parameters: what an endpoint declares, and what is refused. */
class StrictQueryParametersTest {

    /** Endpoint methods to read the declarations of; never called. */
    @SuppressWarnings("unused")
    static final class Endpoints {

        Object none(@PathVariable String id) {
            return null;
        }

        Object named(@RequestParam String limit, @RequestParam("from") String since, @RequestParam(name = "to") String until) {
            return null;
        }

        Object checksItsOwn(@RequestParam MultiValueMap<String, String> parameters) {
            return null;
        }
    }

    private final StrictQueryParameters strict = new StrictQueryParameters();

    @Test
    void anEndpointDeclaresTheNamesOfItsRequestParams() {
        assertThat(StrictQueryParameters.declaredBy(endpoint("named"))).hasValueSatisfying(
                names -> assertThat(names).containsExactly("from", "limit", "to"));
    }

    @Test
    void anEndpointTakingAllParametersAsAMapIsLeftToCheckThemItself() {
        assertThat(StrictQueryParameters.declaredBy(endpoint("checksItsOwn"))).isEmpty();
        assertThat(strict.preHandle(get("x=1"), new MockHttpServletResponse(), endpoint("checksItsOwn"))).isTrue();
    }

    @Test
    void aParameterOfAnEndpointThatTakesNoneIsNamed() {
        assertThat(errors("none", "x=1")).containsExactly(
                new Problems.FieldError("x", "is not a parameter: this endpoint takes none"));
    }

    @Test
    void anUndeclaredParameterIsNamedWithTheParametersTheEndpointTakes() {
        assertThat(errors("named", "limit=1&x%20y=2")).containsExactly(
                new Problems.FieldError("x y", "is not a parameter of this endpoint; the parameters are [from, limit, to]"));
    }

    @Test
    void aDeclaredParameterGivenTwiceMustBeGivenOnce() {
        assertThat(errors("named", "limit=1&limit=2")).containsExactly(new Problems.FieldError("limit", "must be given once"));
    }

    @Test
    void declaredParametersGivenOnceAndNoQueryAtAllPass() {
        assertThat(strict.preHandle(get("limit=1&from=a&to=b"), new MockHttpServletResponse(), endpoint("named"))).isTrue();
        assertThat(strict.preHandle(get(null), new MockHttpServletResponse(), endpoint("none"))).isTrue();
    }

    @Test
    void theQueryIsDecodedAsAFormAndAMalformedEscapeIsKeptAsWritten() {
        assertThat(StrictQueryParameters.query("a+b=1&c=%zz&d&&a+b=2"))
                .isEqualTo(Map.of("a b", List.of("1", "2"), "c", List.of("%zz"), "d", List.of("")));
    }

    private List<Problems.FieldError> errors(String method, String query) {
        return assertThatExceptionOfType(InvalidFieldsException.class)
                .isThrownBy(() -> strict.preHandle(get(query), new MockHttpServletResponse(), endpoint(method)))
                .actual().errors();
    }

    private static MockHttpServletRequest get(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/example");
        request.setQueryString(query);
        return request;
    }

    private static HandlerMethod endpoint(String name) {
        return java.util.Arrays.stream(Endpoints.class.getDeclaredMethods()).filter(method -> method.getName().equals(name))
                .findFirst().map(method -> new HandlerMethod(new Endpoints(), method)).orElseThrow();
    }
}
