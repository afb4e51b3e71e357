package dev.stockroom.shared.web;

import dev.stockroom.shared.DomainException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every problem body the service sends, so all of them carry the same members: a stable {@code type}
 * URI per kind of error, {@code title}, {@code status}, {@code detail}, {@code instance} (the request path) and
 * {@code request_id}.
 */
@Component
public class Problems {

    /** The kinds of problem any endpoint may answer with, by slug; domain refusals add their own slugs. */
    public static final Map<Integer, String> SLUG_BY_STATUS = Map.ofEntries(
            Map.entry(400, "malformed-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "validation-error"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "unavailable"));

    private final String baseUri;
    private final JsonMapper json;

    Problems(ApiWebProperties properties, JsonMapper json) {
        this.baseUri = properties.problemBaseUri();
        this.json = json;
    }

    /**
     * Completes the problem and writes it as the response, for code that runs outside Spring MVC (security
     * filters, entry points).
     */
    public void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        complete(problem, request);
        var body = new LinkedHashMap<String, @Nullable Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    public ProblemDetail create(HttpStatusCode status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(baseUri + slug));
        problem.setTitle(title);
        return problem;
    }

    /** The problem of a domain refusal: its kind decides the status, its slug the type; its members follow. */
    public ProblemDetail of(DomainException refusal) {
        var status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        var problem = create(status, refusal.type(), refusal.title(), refusal.detail());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A problem of the generic kind for the status, with the status's reason phrase as title. */
    public ProblemDetail forStatus(HttpStatusCode status, String detail) {
        return create(status, slugFor(status), titleFor(status), detail);
    }

    public ProblemDetail validation(List<ValidationError> errors) {
        var problem = create(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation-error",
                "Validation failed",
                errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Fills in the members that depend on the request, and a type and title where they are still missing. */
    public ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(baseUri + slugFor(HttpStatusCode.valueOf(problem.getStatus()))));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(titleFor(HttpStatusCode.valueOf(problem.getStatus())));
        }
        problem.setInstance(URI.create(pathOf(request)));
        problem.setProperty("request_id", RequestIdFilter.of(request));
        return problem;
    }

    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        return URI.create(path.isEmpty() ? "/" : path.replace(" ", "%20")).getRawPath();
    }

    private static String slugFor(HttpStatusCode status) {
        return SLUG_BY_STATUS.getOrDefault(status.value(), status.is5xxServerError() ? "internal-error" : "http-error");
    }

    private static String titleFor(HttpStatusCode status) {
        @Nullable HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
