package dev.arbiter.web;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.arbiter.decision.DecisionNotFoundException;
import dev.arbiter.decision.IdempotencyConflictException;
import dev.arbiter.trace.TraceUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every client mistake into a 4xx {@code application/problem+json} that names the field, and every server
 * failure into a problem without internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Where uploads of whole files go: the policy management API, whose {@code files} and {@code scenarios} map paths to files. */
    private static final String POLICY_API = "/api/v1/policies/";
    private static final java.util.Set<String> UPLOADED_FILES = java.util.Set.of("files", "scenarios");

    private final Problems problems;
    private final ApiLimits limits;

    ProblemAdvice(Problems problems, ApiLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemAdvice::fieldError)
                .sorted(Comparator.comparing(Problems.FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(problems.invalid(errors));
    }

    /** Every problem Spring MVC answers itself (405, 406, 415, 404 without a handler, ...) gets a type of the service. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(problems.typeOf(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** An answer that could not be written is the service's failure: logged like every other one, then a 500. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        log.error("Unexpected failure writing an answer", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(internalError());
    }

    /** A path no endpoint has is told where the endpoints are listed, as the container's own 404 says. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ex.getBody().setDetail(ErrorProblems.NO_ENDPOINT);
        return super.handleNoResourceFoundException(ex, headers, status, request);
    }

    /**
     * A body without a Content-Type header, or with a type other than JSON, is told what to send instead of
     * "Content-Type 'application/octet-stream' is not supported": every endpoint that takes a body takes JSON. Names
     * the type that was sent (type and subtype only, as parsed), never the header's raw text.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ex.getBody().setDetail(unsupportedBody(request.getHeader(HttpHeaders.CONTENT_TYPE), ex.getContentType()));
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    /**
     * @param header the Content-Type header as sent, or null when there is none
     * @param parsed the type Spring read from it, or null when it could not read one
     * @return what a 415 says: what was wrong with the body's type, and to send JSON
     */
    static String unsupportedBody(String header, MediaType parsed) {
        String send = ": send the body with Content-Type: " + MediaType.APPLICATION_JSON_VALUE;
        if (header == null || header.isBlank()) {
            return "The Content-Type header is missing" + send;
        }
        if (parsed == null) {
            return "The Content-Type header is not a media type" + send;
        }
        return "Content-Type " + parsed.getType() + "/" + parsed.getSubtype() + " is not accepted here" + send;
    }

    private static Problems.FieldError fieldError(FieldError error) {
        String message = error.getDefaultMessage();
        if ("typeMismatch".equals(error.getCode()) || message == null) {
            message = "has an invalid value";
        }
        return new Problems.FieldError(error.getField(), message);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // A streamed body over the limit surfaces wrapped in a Jackson exception: look for it first.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problems.of(HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large", "Request body too large", tooLarge.getMessage()));
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                Problems.FieldError tooLong = uploadedFileTooLong(jackson, request);
                return ResponseEntity.badRequest().body(problems.invalid(List.of(tooLong != null ? tooLong : describe(jackson))));
            }
        }
        return ResponseEntity.badRequest().body(problems.invalid(List.of(
                new Problems.FieldError("body", "a JSON request body is required"))));
    }

    /**
     * @return for a file of a policy upload longer than a JSON string may be: the file named as the other upload errors
     *         name it ({@code files['rules/big.drl']}) with the limit in characters; null for anything else, which
     *         {@link #describe} words as a JSON limit
     */
    private Problems.FieldError uploadedFileTooLong(JacksonException e, WebRequest request) {
        if (!(e instanceof StreamConstraintsException) || !firstLine(e.getOriginalMessage()).startsWith("String value length")
                || !(request instanceof ServletWebRequest servlet) || !servlet.getRequest().getRequestURI().startsWith(POLICY_API)) {
            return null;
        }
        // The string's own parser is gone by now: where it was is known from the path of fields being read.
        List<JacksonException.Reference> path = e.getPath();
        if (path.size() != 2 || !UPLOADED_FILES.contains(path.get(0).getPropertyName()) || path.get(1).getPropertyName() == null) {
            return null;
        }
        return new Problems.FieldError(path.get(0).getPropertyName() + "['" + path.get(1).getPropertyName() + "']",
                "is longer than " + limits.maxStringLength() + " characters, the most one uploaded file may have");
    }

    private static Problems.FieldError describe(JacksonException e) {
        if (isTrailingContent(e)) {
            return new Problems.FieldError("body", "has content after the JSON object" + where(e)
                    + ": send exactly one JSON object");
        }
        if (isEndOfInput(e)) {
            // The parser's position names the last field it saw, not necessarily the one that was cut.
            return new Problems.FieldError("body", "is incomplete JSON: it ends" + where(e)
                    + " before every string, object and array is closed");
        }
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problems.FieldError(field, "is not a known field");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return new Problems.FieldError(field, "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (e instanceof InputCoercionException coercion && WholeNumbers.isWhole(coercion.getTargetType())) {
            return new Problems.FieldError(field, "is out of range: must be a whole number "
                    + WholeNumbers.range(e, coercion.getTargetType()));
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof Number
                && WholeNumbers.isWhole(format.getTargetType())) {
            return new Problems.FieldError(field, "must be a whole number " + WholeNumbers.range(e, format.getTargetType())
                    + ", written without a decimal point or exponent");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Problems.FieldError(field, "must be " + describeType(mismatch.getTargetType()));
        }
        if (e instanceof StreamConstraintsException) {
            // Without the parser (a number too long), the enclosing object was reading its next property: the path
            // ends at that object, which contains the value.
            return new Problems.FieldError(field, (e.processor() == null ? "contains a value that exceeds" : "exceeds")
                    + " a JSON limit: " + withoutInternals(e.getOriginalMessage()));
        }
        if (e instanceof StreamReadException) {
            return new Problems.FieldError(field, "is not valid JSON" + where(e) + ": " + withoutInternals(e.getOriginalMessage()));
        }
        // Other databind failures word their reason in Java types (e.g. "cannot be deserialized as `java.math.BigDecimal`").
        return new Problems.FieldError(field, "has an invalid value");
    }

    /**
     * @return whether a complete JSON value was followed by more: another value ({@code {...} {}}), or something that
     *         is not JSON at all ({@code {...}}}, {@code {...} xyz}), which the parser refuses at the top level
     */
    private static boolean isTrailingContent(JacksonException e) {
        if (!(e instanceof MismatchedInputException || e instanceof StreamReadException) || !e.getPath().isEmpty()
                || !(e.processor() instanceof JsonParser parser) || parser.streamReadContext() == null) {
            return false;
        }
        TokenStreamContext current = parser.streamReadContext();
        TokenStreamContext root = current;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCurrentIndex() > 0 || (current.inRoot() && current.getEntryCount() > 0 && !isEndOfInput(e));
    }

    /** @return whether the body ended before the JSON did (a truncated body) */
    private static boolean isEndOfInput(JacksonException e) {
        return e instanceof UnexpectedEndOfInputException
                || e instanceof StreamReadException && firstLine(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
    }

    /** @return " at line 3, column 14" where the parser was, or "" when it does not know */
    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * @return the first line of a parser's message without the Java names it may carry: "(12, from
     * `StreamReadConstraints.getMaxNestingDepth()`)" becomes "(12)" and "`java.lang.Integer`" becomes "Integer"
     */
    static String withoutInternals(String message) {
        return firstLine(message)
                .replaceAll(", from `[^`]*`", "")
                .replaceAll("`(?:[A-Za-z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)`", "$1");
    }

    private static String path(JacksonException e) {
        if (e instanceof StreamReadException read && read.processor() != null) {
            // Parser errors (duplicate keys, syntax, limits) carry no databind path, but the parser knows where it was.
            // Where it expected a field's name (after a comma: {"a":1,}), the object is at fault, not its last field.
            TokenStreamContext context = read.processor().streamReadContext();
            String where = path(expectsFieldName(read) && context != null ? context.getParent() : context);
            if (!where.isEmpty()) {
                return where;
            }
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** @return whether the parser stopped where an object's next field name had to start */
    private static boolean expectsFieldName(StreamReadException e) {
        return firstLine(e.getOriginalMessage()).contains("to start property name")
                || firstLine(e.getOriginalMessage()).contains("to start field name");
    }

    /** @return the dotted path of the parser's position, e.g. {@code customer.openTickets[0].priority}, or "" */
    private static String path(TokenStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (TokenStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inObject() && step.currentName() != null) {
                steps.push(step.currentName());
            } else if (step.inArray() && step.hasCurrentIndex()) {
                steps.push("[" + step.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (path.length() > 0 && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static String describeType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 date-time with offset, e.g. 2026-11-21T10:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidFieldsException e) {
        return ResponseEntity.badRequest().body(problems.invalid(e.errors()));
    }

    /** The 409 names {@code requestId} in {@code errors[]}, as a 400 names its fields. */
    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> conflict(IdempotencyConflictException e) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "idempotency-conflict", "Request id reused", e.getMessage());
        problem.setProperty("errors", List.of(new Problems.FieldError("requestId", "was already used by this client for a "
                + "different request: send the same request again to get its decision, or use a new requestId")));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(DecisionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DecisionNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Decision not found", e.getMessage()));
    }

    @ExceptionHandler(TraceUnavailableException.class)
    ResponseEntity<ProblemDetail> traceUnavailable(TraceUnavailableException e) {
        log.error("Decision trace storage failed; no decision returned", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "trace-unavailable", "Decision trace unavailable",
                        "The decision could not be recorded, so none was made. Retry later."));
    }

    /** The database cannot be reached: 503 with Retry-After, one log line (an outage must not flood the log). */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException e) {
        if (!DatabaseOutage.is(e)) {
            return unexpected(e);
        }
        log.warn("The database is unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TYPE, DatabaseOutage.TITLE,
                        "The service cannot reach its database right now; retry later"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(internalError());
    }

    private ProblemDetail internalError() {
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service failed unexpectedly; the failure was logged.");
    }
}
