package dev.stockroom.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a malformed request line, an illegal
 * character in a header, headers over the limit, a broken percent-encoding or invalid UTF-8 in the path): the
 * same problem body as every other error instead of Tomcat's HTML page, and nothing about the server (no
 * version, no exception, no stack trace). Errors the application answers itself pass untouched: they have a
 * body already.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,2047}");

    private final Problems problems;
    private final JsonMapper json;

    ProblemErrorReportValve(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        var problem = problems.forStatus(HttpStatusCode.valueOf(status), detailFor(status));
        try {
            String requestId = UUID.randomUUID().toString();
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(body(problem, pathOf(request), requestId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the response cannot take a body: nothing more to tell anyone.
        }
    }

    private static LinkedHashMap<String, @Nullable Object> body(
            ProblemDetail problem, @Nullable String path, String requestId) {
        var body = new LinkedHashMap<String, @Nullable Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (path != null) {
            body.put("instance", path);
        }
        body.put("request_id", requestId);
        return body;
    }

    /** The request path as received, when it is a well-formed one; a refused request line may hold anything. */
    private static @Nullable String pathOf(Request request) {
        String uri;
        try {
            uri = request.getRequestURI();
        } catch (RuntimeException e) {
            return null;
        }
        if (uri == null || !SAFE_PATH.matcher(uri).matches()) {
            return null;
        }
        try {
            return URI.create(uri).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 ->
                "The request is malformed: its request line, a header, or the encoding of its path is not valid HTTP.";
            case 414 -> "The request line is longer than the server accepts.";
            case 431 -> "The request headers are larger than the server accepts.";
            case 413 -> "The request body is larger than the server accepts.";
            case 505 -> "The HTTP version is not supported.";
            default ->
                status >= 500
                        ? "An unexpected error occurred. Quote the request id when you report it."
                        : "The request could not be handled.";
        };
    }
}
