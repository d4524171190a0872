package dev.arbiter.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.arbiter.decision.Channel;
import dev.arbiter.policy.facts.Outcome;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** The OpenAPI description of the trace filters that search and export share (TraceSearch reads them). */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = TraceSearch.CUSTOMER_ID, in = ParameterIn.QUERY, description = TraceFilterParameters.CUSTOMER_ID_DESCRIPTION,
        schema = @Schema(type = "string", maxLength = TraceSearch.MAX_CUSTOMER_ID))
@Parameter(name = TraceSearch.REASON_CODE, in = ParameterIn.QUERY, description = TraceFilterParameters.REASON_CODE_DESCRIPTION,
        schema = @Schema(type = "string"))
@Parameter(name = TraceSearch.OUTCOME, in = ParameterIn.QUERY, schema = @Schema(implementation = Outcome.class))
@Parameter(name = TraceSearch.CHANNEL, in = ParameterIn.QUERY, schema = @Schema(implementation = Channel.class))
@Parameter(name = TraceSearch.FROM, in = ParameterIn.QUERY, description = TraceFilterParameters.FROM_DESCRIPTION,
        schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = TraceSearch.TO, in = ParameterIn.QUERY, description = TraceFilterParameters.TO_DESCRIPTION,
        schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = TraceSearch.POLICY_VERSION, in = ParameterIn.QUERY, description = TraceFilterParameters.POLICY_VERSION_DESCRIPTION,
        schema = @Schema(type = "string"))
@Parameter(name = TraceSearch.CLIENT_NAME, in = ParameterIn.QUERY, description = TraceFilterParameters.CLIENT_NAME_DESCRIPTION,
        schema = @Schema(type = "string", maxLength = TraceSearch.MAX_CLIENT_NAME))
@interface TraceFilterParameters {

    String CUSTOMER_ID_DESCRIPTION = "exact customer id";
    String REASON_CODE_DESCRIPTION = "a reason code the decision gave, e.g. LEGAL_THREAT";
    String FROM_DESCRIPTION = "decided at or after: ISO-8601 instant with offset (the service's "
            + "decidedAt, not the request's at)";
    String TO_DESCRIPTION = "decided before: ISO-8601 instant with offset (the service's decidedAt, "
            + "not the request's at)";
    String POLICY_VERSION_DESCRIPTION = "the policy version that decided";
    String CLIENT_NAME_DESCRIPTION = "exact name of the API client that asked for the decision";
}
