package dev.arbiter.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search and export of stored decisions for compliance review: {@code GET /api/v1/traces} answers one page,
 * newest first, as JSON or CSV; {@code GET /api/v1/traces/export} streams every match of the same query, up to
 * {@code arbiter.search.export-max-rows}. The format is {@code ?format=csv|json}, else the Accept header
 * ({@code text/csv} for CSV), else JSON.
 */
@RestController
@RequestMapping("/api/v1/traces")
class TraceController {

    private static final Logger log = LoggerFactory.getLogger(TraceController.class);
    private static final String FORMAT = "format";
    private static final String NEXT_CURSOR = "Next-Cursor";

    /** What an answer is written as. */
    enum Format { JSON, CSV }

    /** The JSON answer of one page. */
    record TracePage(List<TraceSummary> items, int size, String nextCursor) {
    }

    /** The JSON answer of an export, as the OpenAPI document describes it (it is streamed, not built). */
    record TraceExport(List<TraceSummary> items, long count) {
    }

    private record Request(TraceSearch.Query query, Format format) {
    }

    /** Thrown once an export has started streaming and cannot be finished: the answer must not look complete. */
    static final class ExportAbortedException extends RuntimeException {
        ExportAbortedException(Throwable cause) {
            super("The export failed after it started; the connection is closed without completing the answer", cause);
        }
    }

    private final TraceSearch search;
    private final SearchLimits limits;
    private final Problems problems;
    private final JsonMapper json;

    TraceController(TraceSearch search, SearchLimits limits, Problems problems, JsonMapper json) {
        this.search = search;
        this.limits = limits;
        this.problems = problems;
        this.json = json;
    }

    @Operation(summary = "Search stored decisions, newest first, one page at a time (JSON or CSV)",
            description = "Filters combine with AND. Page on with cursor = nextCursor of the previous page (also in "
                    + "the Next-Cursor and Link headers). CSV with Accept: text/csv or format=csv. "
                    + "A bad parameter is a 400 problem naming it.")
    @TraceFilterParameters
    @Parameter(name = TraceSearch.CURSOR, in = ParameterIn.QUERY, description = "nextCursor of the previous page",
            schema = @Schema(type = "string"))
    @Parameter(name = TraceSearch.SIZE, in = ParameterIn.QUERY, description = "page size, 1 to 500 (default 50)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
    @Parameter(name = FORMAT, in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"json", "csv"}))
    @ApiResponse(responseCode = "200", description = "one page, newest first", headers = {
            @Header(name = NEXT_CURSOR, description = "the next page's cursor (nextCursor); absent on the last page",
                    schema = @Schema(type = "string")),
            @Header(name = HttpHeaders.LINK, description = "<the next page's URL>; rel=\"next\" (RFC 8288); absent on the last page",
                    schema = @Schema(type = "string"))}, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TracePage.class)),
            @Content(mediaType = TraceCsv.MEDIA_TYPE, schema = @Schema(type = "string",
                    description = "RFC 4180 CSV with a header row: the columns of TraceSummary"))})
    @GetMapping
    ResponseEntity<?> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                             @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             HttpServletRequest request) throws IOException {
        Request read = read(parameters, accept, true);
        TraceSearch.Query query = read.query();
        TraceSearch.Page page = search.page(query.filter(), query.after(), query.size());
        String next = page.next() == null ? null : page.next().encode();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            answer.header(NEXT_CURSOR, next).header(HttpHeaders.LINK, "<" + nextLink(request, parameters, next) + ">; rel=\"next\"");
        }
        if (read.format() == Format.CSV) {
            StringBuilder csv = new StringBuilder();
            TraceCsv.writeHeader(csv);
            for (TraceSummary item : page.items()) {
                TraceCsv.writeRow(csv, item);
            }
            return answer.contentType(MediaType.parseMediaType(TraceCsv.MEDIA_TYPE)).body(csv.toString());
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(new TracePage(page.items(), query.size(), next));
    }

    @Operation(summary = "Export every stored decision matching a search, newest first, streamed as CSV or JSON",
            description = "The same filters as the search (no cursor or size). A query matching more decisions than "
                    + "arbiter.search.export-max-rows (default 100,000) is refused with a 400 problem before anything "
                    + "is sent. JSON is {items: [...], count}.")
    @TraceFilterParameters
    @Parameter(name = FORMAT, in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"json", "csv"}))
    @ApiResponse(responseCode = "200", description = "every match, newest first, as an attachment", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TraceExport.class)),
            @Content(mediaType = TraceCsv.MEDIA_TYPE, schema = @Schema(type = "string",
                    description = "RFC 4180 CSV with a header row: the columns of TraceSummary"))})
    @GetMapping("/export")
    void export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) throws IOException {
        Request read = read(parameters, accept, false);
        TraceFilter filter = read.query().filter();
        long maxRows = limits.exportMaxRows();
        if (search.countUpTo(filter, (int) Math.min(Integer.MAX_VALUE, maxRows + 1)) > maxRows) {
            throw new InvalidSearchException(List.of(new Problems.FieldError("query", String.format(Locale.ROOT,
                    "matches more than %,d decisions, the export limit: narrow it, e.g. with from and to", maxRows))));
        }
        boolean csv = read.format() == Format.CSV;
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(csv ? TraceCsv.MEDIA_TYPE : MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"decision-traces." + (csv ? "csv" : "json") + "\"");
        try {
            if (csv) {
                exportCsv(filter, maxRows, response);
            } else {
                exportJson(filter, maxRows, response);
            }
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset(); // drops the CSV or JSON headers: the answer becomes a problem document
                throw e;
            }
            if (e instanceof IOException) {
                log.info("Export of decision traces cut off: the client stopped reading ({})", e.toString());
            } else {
                log.error("Export of decision traces failed after it started streaming; the answer is cut off", e);
            }
            throw new ExportAbortedException(e);
        }
    }

    private void exportCsv(TraceFilter filter, long maxRows, HttpServletResponse response) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        TraceCsv.writeHeader(out);
        search.export(filter, maxRows, limits.exportBatchSize(), batch -> {
            for (TraceSummary item : batch) {
                TraceCsv.writeRow(out, item);
            }
            out.flush();
        });
        out.flush();
    }

    private void exportJson(TraceFilter filter, long maxRows, HttpServletResponse response) throws IOException {
        // Closed only on success: closing after a failure would end the open array and object, and the cut-off
        // export would read as valid JSON.
        JsonGenerator out = json.createGenerator(response.getOutputStream());
        out.writeStartObject();
        out.writeName("items");
        out.writeStartArray();
        long count = search.export(filter, maxRows, limits.exportBatchSize(), batch -> {
            for (TraceSummary item : batch) {
                json.writeValue(out, item);
            }
            out.flush();
        });
        out.writeEndArray();
        out.writeName("count");
        out.writeNumber(count);
        out.writeEndObject();
        out.close();
    }

    /** Reads the format and the search parameters, reporting every bad one at once. */
    private static Request read(MultiValueMap<String, String> parameters, String accept, boolean paged) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Format format = Format.JSON;
        try {
            format = format(parameters.get(FORMAT), accept);
        } catch (InvalidSearchException e) {
            errors.addAll(e.errors());
        }
        TraceSearch.Query query = null;
        try {
            query = TraceSearch.parse(parameters, paged, Set.of(FORMAT));
        } catch (InvalidSearchException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidSearchException(errors);
        }
        return new Request(query, format);
    }

    /** @return the format asked for by {@code ?format} (which wins) or the Accept header; JSON by default */
    static Format format(List<String> formatParameter, String accept) {
        if (formatParameter != null) {
            if (formatParameter.size() != 1 || formatParameter.get(0) == null || formatParameter.get(0).isEmpty()) {
                return Format.JSON; // reported by the parameter checks: repeated or empty
            }
            return switch (formatParameter.get(0).toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "json" -> Format.JSON;
                default -> throw new InvalidSearchException(List.of(new Problems.FieldError(FORMAT, "must be csv or json")));
            };
        }
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new InvalidSearchException(List.of(new Problems.FieldError(HttpHeaders.ACCEPT,
                    "is not a valid Accept header: ask for text/csv or application/json")));
        }
        MediaType csv = MediaType.parseMediaType("text/csv");
        Format best = Format.JSON;
        double bestQuality = -1;
        for (MediaType type : accepted) {
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON);
            boolean text = type.isCompatibleWith(csv);
            // A wildcard that covers both keeps JSON; only an explicit preference for CSV chooses CSV.
            if ((json || text) && type.getQualityValue() > bestQuality) {
                bestQuality = type.getQualityValue();
                best = text && !json ? Format.CSV : Format.JSON;
            }
        }
        return best;
    }

    /** @return the link to the next page: this request's path and parameters with the new cursor */
    private static String nextLink(HttpServletRequest request, MultiValueMap<String, String> parameters, String cursor) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getKey().equals(TraceSearch.CURSOR)) {
                pairs.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue().get(0)));
            }
        }
        pairs.add(TraceSearch.CURSOR + "=" + cursor);
        return request.getRequestURI() + "?" + pairs.stream().collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.error("Decision trace search failed", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable",
                        "Decision traces cannot be searched right now. Retry later."));
    }

    /**
     * An export that failed after its first bytes were sent must end without a proper end of the answer, so that
     * no client takes the part for the whole: rethrown, the failure reaches the servlet container, which closes
     * the connection. (A problem document appended to the CSV would be worse.)
     */
    @ExceptionHandler(ExportAbortedException.class)
    void aborted(ExportAbortedException e) {
        throw e;
    }
}
