package dev.arbiter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for requests it refuses before the application sees them (an encoded {@code /} or NUL in
 * the path, for example, which Tomcat rejects while mapping the URL): an {@code application/problem+json} in the
 * service's form instead of Tomcat's HTML page. Installed in place of the host's {@link ErrorReportValve} by
 * {@link TomcatErrorReports}. Writes nothing when the answer already has a body. The type is
 * {@code application/problem+json} without a charset parameter, as on every other problem of the service.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read the report
        }
        try {
            // Bytes, not a writer: a writer would add ";charset=..." to the type, which the service's other problems
            // do not carry (JSON is UTF-8 by definition).
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(problems.json(ErrorProblems.problem(problems, status))
                    .getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away or the answer was committed meanwhile: nothing more to say.
        }
    }
}
